namespace Cnaemo.NoteLsp.Rules.Validators;

/// <summary>
/// The IBAN (ISO 13616): two country letters, two check digits and a national account number whose length the
/// country fixes. Valid when the length is the country's and the rearranged number is 1 modulo 97.
/// </summary>
public static class IbanValidator
{
    // Lengths from the SWIFT IBAN registry for the countries of the SEPA area, where French families bank.
    private static readonly Dictionary<string, int> LengthByCountry = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22,
        ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23, ["GR"] = 27,
        ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MT"] = 31, ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24,
        ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["VA"] = 22,
    };

    /// <summary>The countries whose IBAN length is known.</summary>
    public static IReadOnlyCollection<string> Countries => LengthByCountry.Keys;

    /// <summary>True when <paramref name="candidate"/> (spaces ignored) is a valid IBAN of a known country.</summary>
    public static bool IsValid(string candidate)
    {
        var compact = IdentifierValidators.Compact(candidate);
        if (compact.Length < 4 || !LengthByCountry.TryGetValue(compact[..2], out var length) || compact.Length != length
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return false;
        }

        return Mod97(compact[4..] + compact[..4]) == 1;
    }

    /// <summary>The remainder modulo 97 of the number obtained by writing each letter as 10 to 35; -1 for other characters.</summary>
    internal static int Mod97(string rearranged)
    {
        var remainder = 0;
        foreach (var c in rearranged)
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = (remainder * 10 + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
            else
            {
                return -1;
            }
        }

        return remainder;
    }
}
