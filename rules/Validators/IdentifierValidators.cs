using System.Text;

namespace Cnaemo.NoteLsp.Rules.Validators;

/// <summary>
/// Checks that a candidate matched by a pattern really is the identifier it looks like: a NIR whose key is wrong
/// is not a NIR, and a phone number needs the right prefix. Packs name a validator with <c>validate:</c>.
/// </summary>
public static class IdentifierValidators
{
    private static readonly Dictionary<string, Func<string, bool>> ByName = new(StringComparer.Ordinal)
    {
        ["nir"] = IsValidNir,
        ["iban"] = IsValidIban,
        ["phone-fr"] = IsFrenchPhone,
    };

    /// <summary>The names packs may use.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>True when a validator has this name.</summary>
    public static bool Exists(string name) => ByName.ContainsKey(name);

    /// <summary>Runs the named validator on <paramref name="candidate"/>.</summary>
    public static bool Validate(string name, string candidate) => ByName[name](candidate);

    /// <summary>
    /// A NIR: 13 characters and a key of two digits, with 2A and 2B for Corsica replaced by 19 and 18 before the
    /// key is computed. Spaces are ignored. Key = 97 − (first 13 digits mod 97).
    /// </summary>
    public static bool IsValidNir(string candidate)
    {
        var compact = Compact(candidate).ToUpperInvariant();
        if (compact.Length != 15 || compact[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return false;
        }

        var body = compact[..13];
        var department = body.Substring(5, 2);
        body = department switch
        {
            "2A" => body[..5] + "19" + body[7..],
            "2B" => body[..5] + "18" + body[7..],
            _ => body,
        };
        if (!body.All(char.IsAsciiDigit) || !compact[13..].All(char.IsAsciiDigit))
        {
            return false;
        }

        var month = int.Parse(compact.AsSpan(3, 2), System.Globalization.CultureInfo.InvariantCulture);
        if (month is 0 or > 12 and < 20)
        {
            return false;
        }

        var key = 97 - (int)(ulong.Parse(body, System.Globalization.CultureInfo.InvariantCulture) % 97);
        return key == int.Parse(compact.AsSpan(13, 2), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An IBAN: country letters, check digits, and a remainder of 1 modulo 97 once rearranged.</summary>
    public static bool IsValidIban(string candidate)
    {
        var compact = Compact(candidate).ToUpperInvariant();
        if (compact.Length is < 15 or > 34 || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1])
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return false;
        }

        if (compact.StartsWith("FR", StringComparison.Ordinal) && compact.Length != 27)
        {
            return false;
        }

        var rearranged = compact[4..] + compact[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            int value;
            if (char.IsAsciiDigit(c))
            {
                value = c - '0';
                remainder = (remainder * 10 + value) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                value = c - 'A' + 10;
                remainder = (remainder * 100 + value) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>A French number: ten digits starting with 01 to 09, or +33 (or 0033) and nine digits not starting with 0.</summary>
    public static bool IsFrenchPhone(string candidate)
    {
        var digits = new StringBuilder();
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        var text = digits.ToString();
        if (candidate.TrimStart().StartsWith('+'))
        {
            return text.Length == 11 && text.StartsWith("33", StringComparison.Ordinal) && text[2] is >= '1' and <= '9';
        }

        if (text.StartsWith("0033", StringComparison.Ordinal))
        {
            return text.Length == 13 && text[4] is >= '1' and <= '9';
        }

        return text.Length == 10 && text[0] == '0' && text[1] is >= '1' and <= '9';
    }

    private static string Compact(string candidate)
    {
        var builder = new StringBuilder(candidate.Length);
        foreach (var c in candidate)
        {
            if (!char.IsWhiteSpace(c) && c is not ('.' or '-'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
