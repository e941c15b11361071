namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>The exit codes of <c>notelsp check</c>, part of its contract with scripts.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above the --fail-on threshold.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding at or above the threshold.</summary>
    public const int Findings = 1;

    /// <summary>A usage error, or an input that could not be read.</summary>
    public const int UsageOrInputError = 2;

    /// <summary>An internal error of notelsp itself: never 1, which scripts read as "findings".</summary>
    public const int InternalError = 3;
}
