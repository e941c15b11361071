namespace Cnaemo.NoteLsp.Rules.Model;

/// <summary>How strongly a finding is raised. The order is from most to least severe.</summary>
public enum Severity
{
    Error,
    Warning,
    Information,
    Hint,
}

/// <summary>Conversions between <see cref="Severity"/> values and their stable string ids.</summary>
public static class Severities
{
    /// <summary>The stable id used in reports and settings.</summary>
    public static string ToId(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Information => "information",
        Severity.Hint => "hint",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>Parses a stable id; "info" is accepted as a short form of "information".</summary>
    public static bool TryParse(string? id, out Severity severity)
    {
        switch (id)
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "information" or "info": severity = Severity.Information; return true;
            case "hint": severity = Severity.Hint; return true;
            default: severity = default; return false;
        }
    }

    /// <summary>True when <paramref name="severity"/> is at least as severe as <paramref name="threshold"/>.</summary>
    public static bool IsAtLeast(this Severity severity, Severity threshold) => severity <= threshold;
}
