using System.Globalization;

namespace Cnaemo.NoteLsp.Rules.Validators;

/// <summary>
/// The NIR (numéro de sécurité sociale): sex, year, month, département, commune, order number, then a key of two
/// digits equal to 97 − (the first 13 digits mod 97). Corsica's 2A and 2B count as 19 and 18 for the key.
/// </summary>
public static class NirValidator
{
    /// <summary>True when <paramref name="candidate"/> (spaces, dots and hyphens ignored) is a NIR with a correct key.</summary>
    public static bool IsValid(string candidate)
    {
        var compact = NirCompact(candidate);
        if (compact.Length != 15 || compact[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return false;
        }

        var body = compact[..13];
        body = body.Substring(5, 2) switch
        {
            "2A" => body[..5] + "19" + body[7..],
            "2B" => body[..5] + "18" + body[7..],
            _ => body,
        };
        if (!body.All(char.IsAsciiDigit) || !compact[13..].All(char.IsAsciiDigit))
        {
            return false;
        }

        // Months 01 to 12 are real ones; 20 to 99 stand for an unknown month. 00 and 13 to 19 do not exist.
        var month = int.Parse(compact.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (month is 0 or > 12 and < 20)
        {
            return false;
        }

        var key = 97 - (int)(ulong.Parse(body, CultureInfo.InvariantCulture) % 97);
        return key == int.Parse(compact.AsSpan(13, 2), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// True when <paramref name="candidate"/> has the layout of a NIR (sex, month, département, 13 digits in all) but a
    /// key of two digits that does not check: a typing slip in a real number is still the person's number.
    /// </summary>
    public static bool HasWrongKey(string candidate)
    {
        var compact = NirCompact(candidate);
        return compact.Length == 15 && HasLayout(compact) && compact[13..].All(char.IsAsciiDigit) && !IsValid(candidate);
    }

    /// <summary>True when <paramref name="candidate"/> is the first 13 characters of a NIR, written without its key.</summary>
    public static bool IsWithoutKey(string candidate)
    {
        var compact = NirCompact(candidate);
        return compact.Length == 13 && HasLayout(compact);
    }

    // The NIR's characters without separators, and without the word that sets its key apart ("clé 93", "key: 93").
    private static string NirCompact(string candidate)
    {
        var compact = IdentifierValidators.Compact(candidate).Replace(",", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal);
        foreach (var word in KeyWords)
        {
            var at = compact.IndexOf(word, StringComparison.Ordinal);
            if (at > 0)
            {
                return compact.Remove(at, word.Length);
            }
        }

        return compact;
    }

    private static readonly string[] KeyWords = ["CLÉ", "CLE", "KEY"];

    // Sex, month (01 to 12, or 20 to 99 when unknown), département (2A and 2B for Corsica) and digits elsewhere.
    private static bool HasLayout(string compact)
    {
        if (compact[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return false;
        }

        var corsica = compact.Substring(5, 2) is "2A" or "2B";
        for (var i = 0; i < 13; i++)
        {
            if (!char.IsAsciiDigit(compact[i]) && !(corsica && i is 5 or 6))
            {
                return false;
            }
        }

        var month = int.Parse(compact.AsSpan(3, 2), CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 or >= 20;
    }
}
