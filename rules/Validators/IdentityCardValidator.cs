namespace Cnaemo.NoteLsp.Rules.Validators;

/// <summary>
/// French identity card numbers have no public checksum. The older cards carry 12 digits; the cards issued since
/// 2021 carry 9 letters and digits. A word of nine letters is not a card number, so at least one digit is needed.
/// </summary>
public static class IdentityCardValidator
{
    /// <summary>True for 12 digits, or 9 letters and digits with at least two digits.</summary>
    public static bool IsPlausibleCardNumber(string candidate)
    {
        var compact = IdentifierValidators.Compact(candidate);
        if (!compact.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        return compact.Length switch
        {
            12 => compact.All(char.IsAsciiDigit),
            9 => compact.Count(char.IsAsciiDigit) >= 2,
            _ => false,
        };
    }
}
