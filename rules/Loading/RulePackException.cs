namespace Cnaemo.NoteLsp.Rules.Loading;

/// <summary>A rule pack that cannot be loaded. The message names the pack, the line and what is wrong.</summary>
public sealed class RulePackException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RulePackException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public RulePackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public RulePackException()
    {
    }
}
