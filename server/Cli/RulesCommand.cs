using System.CommandLine;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary><c>notelsp rules</c>: lists the built-in rules with their category and default severity.</summary>
public static class RulesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("rules", "Liste les règles intégrées.");
        command.SetAction(_ =>
        {
            foreach (var rule in RuleCatalog.BuiltIn().Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                stdout.WriteLine($"{rule.Id}\t{rule.Category.ToId()}\t{rule.DefaultSeverity.ToId()}\t{rule.Message}");
            }

            return ExitCodes.Clean;
        });
        return command;
    }
}
