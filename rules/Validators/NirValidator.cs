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
        var compact = IdentifierValidators.Compact(candidate);
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
}
