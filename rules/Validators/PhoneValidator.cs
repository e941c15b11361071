namespace Cnaemo.NoteLsp.Rules.Validators;

/// <summary>
/// French phone numbers: ten digits starting with 01 to 09 (0 then the zone or mobile digit), or the international
/// form +33 or 0033 followed by the nine digits without their leading 0, optionally with "(0)".
/// </summary>
public static class PhoneValidator
{
    /// <summary>True when <paramref name="candidate"/> is a French number in national or international form.</summary>
    public static bool IsFrench(string candidate)
    {
        var trimmed = candidate.Trim();
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        if (trimmed.StartsWith('+') || digits.StartsWith("0033", StringComparison.Ordinal))
        {
            var national = digits.StartsWith("0033", StringComparison.Ordinal) ? digits[4..] : digits.StartsWith("33", StringComparison.Ordinal) ? digits[2..] : "";

            // "+33 (0)6 12 34 56 78" keeps a trunk 0 in brackets; it is not part of the number.
            if (national.Length == 10 && national[0] == '0' && trimmed.Contains("(0)", StringComparison.Ordinal))
            {
                national = national[1..];
            }

            return national.Length == 9 && national[0] is >= '1' and <= '9';
        }

        return digits.Length == 10 && digits[0] == '0' && digits[1] is >= '1' and <= '9';
    }
}
