namespace Cnaemo.NoteLsp.Rules.Validators;

/// <summary>
/// Checks that a candidate matched by a pattern really is the identifier it looks like: a NIR whose key is wrong
/// is not a NIR, an IBAN must pass its modulo 97 check, and a phone number needs the right prefix and length.
/// Packs name a validator with <c>validate:</c>.
/// </summary>
public static class IdentifierValidators
{
    private static readonly Dictionary<string, Func<string, bool>> ByName = new(StringComparer.Ordinal)
    {
        ["cni"] = IdentityCardValidator.IsPlausibleCardNumber,
        ["iban"] = IbanValidator.IsValid,
        ["nir"] = NirValidator.IsValid,
        ["nir-wrong-key"] = NirValidator.HasWrongKey,
        ["nir-without-key"] = NirValidator.IsWithoutKey,
        ["phone-fr"] = PhoneValidator.IsFrench,
    };

    /// <summary>The names packs may use.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>True when a validator has this name.</summary>
    public static bool Exists(string name) => ByName.ContainsKey(name);

    /// <summary>Runs the named validator on <paramref name="candidate"/>.</summary>
    public static bool Validate(string name, string candidate) => ByName[name](candidate);

    /// <summary>True when <paramref name="candidate"/> is a NIR with a correct key.</summary>
    public static bool IsValidNir(string candidate) => NirValidator.IsValid(candidate);

    /// <summary>True when <paramref name="candidate"/> is an IBAN of a known country, of the right length, passing modulo 97.</summary>
    public static bool IsValidIban(string candidate) => IbanValidator.IsValid(candidate);

    /// <summary>True when <paramref name="candidate"/> is a French phone number in national or international form.</summary>
    public static bool IsFrenchPhone(string candidate) => PhoneValidator.IsFrench(candidate);

    /// <summary>The candidate without spaces, dots and hyphens, in upper case.</summary>
    internal static string Compact(string candidate)
    {
        var builder = new System.Text.StringBuilder(candidate.Length);
        foreach (var c in candidate)
        {
            if (!char.IsWhiteSpace(c) && c is not ('.' or '-'))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }
}
