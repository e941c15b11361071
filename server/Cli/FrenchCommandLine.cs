using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;
using System.Text.RegularExpressions;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// The command line in French: the help is written here rather than by System.CommandLine, whose French resources
/// leave the help option itself, the default values and several errors in English; and its parse errors are
/// translated. The process runs with the invariant culture, so the errors it gives are always the English ones below.
/// </summary>
public static partial class FrenchCommandLine
{
    /// <summary>Gives <paramref name="root"/> a French help and version option.</summary>
    public static void Localise(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Description = "Afficher l'aide et l'usage de la commande.";
                help.Action = new FrenchHelpAction();
            }
            else if (option is VersionOption version)
            {
                version.Description = "Afficher la version.";
            }
        }
    }

    /// <summary>A System.CommandLine parse error, in French.</summary>
    public static string Translate(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Trim();
        foreach (var (pattern, french) in Translations)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return french(match);
            }
        }

        return text;
    }

    private static readonly (Regex Pattern, Func<Match, string> French)[] Translations =
    [
        (new Regex(@"^Argument '(.*)' not recognized\. Must be one of:\s*(.*)$", RegexOptions.Singleline), m =>
            $"argument non reconnu : « {m.Groups[1].Value} ». Valeurs possibles : {Choices(m.Groups[2].Value)}."),
        (new Regex(@"^Unrecognized command or argument '(.*)'\.$"), m => $"commande ou argument non reconnu : « {m.Groups[1].Value} »."),
        (new Regex(@"^Required argument missing for command: '(.*)'\.$"), m => $"argument obligatoire manquant pour la commande « {m.Groups[1].Value} »."),
        (new Regex(@"^Required argument missing for option: '(.*)'\.$"), m => $"valeur manquante pour l'option « {m.Groups[1].Value} »."),
        (new Regex(@"^Option '(.*)' expects a single argument but (\d+) were provided\.$"), m =>
            $"l'option « {m.Groups[1].Value} » attend une seule valeur ({m.Groups[2].Value} données)."),
        (new Regex(@"^Option '(.*)' is required\.$"), m => $"l'option « {m.Groups[1].Value} » est obligatoire."),
        (new Regex(@"^Required command was not provided\.$"), _ => "aucune commande donnée : check, lsp ou rules."),
        (new Regex(@"^Cannot parse argument '(.*)' for (?:option|command) '(.*)' as expected type '.*'\..*$", RegexOptions.Singleline), m =>
            $"valeur invalide pour « {m.Groups[2].Value} » : « {m.Groups[1].Value} »."),
        (new Regex(@"^Cannot parse argument '(.*)' as expected type '.*'\.$"), m => $"valeur invalide : « {m.Groups[1].Value} »."),
        (new Regex(@"^'(.*)' was not matched\. Did you mean one of the following\?\s*(.*)$", RegexOptions.Singleline), m =>
            $"« {m.Groups[1].Value} » non reconnu. Vouliez-vous dire : {Choices(m.Groups[2].Value)} ?"),
        (new Regex(@"^(.*) option cannot be combined with other arguments\.$"), m => $"l'option {m.Groups[1].Value} ne se combine pas avec d'autres arguments."),
        (new Regex(@"^File does not exist: '(.*)'\.$"), m => $"fichier introuvable : « {m.Groups[1].Value} »."),
        (new Regex(@"^Response file not found '(.*)'\.?$"), m => $"fichier de réponses introuvable : « {m.Groups[1].Value} »."),
    ];

    private static string Choices(string list) =>
        string.Join(", ", list.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Trim('\'')));

    /// <summary>The help of the command being parsed, in French, on the invocation's output.</summary>
    private sealed class FrenchHelpAction : SynchronousCommandLineAction
    {
        // As System.CommandLine's own help: "check --help" shows the help, not "argument missing".
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.Write(Help(parseResult.CommandResult.Command));
            return ExitCodes.Clean;
        }
    }

    /// <summary>The help text of <paramref name="command"/>: description, usage, arguments, options and subcommands.</summary>
    public static string Help(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var path = new List<string> { command.Name };
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Insert(0, parent.Name);
        }

        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        var options = command.Options.Concat(Ancestors(command).SelectMany(c => c.Options.Where(o => o.Recursive))).Where(o => !o.Hidden).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(command.Description))
        {
            text.Append("Description :\n  ").Append(command.Description).Append("\n\n");
        }

        text.Append("Usage :\n  ").Append(string.Join(' ', path));
        if (subcommands.Count > 0)
        {
            text.Append(" [commande]");
        }

        foreach (var argument in arguments)
        {
            text.Append(" <").Append(argument.Name).Append('>').Append(argument.Arity.MaximumNumberOfValues > 1 ? "..." : string.Empty);
        }

        text.Append(options.Count > 0 ? " [options]\n" : "\n");
        Section(text, "Arguments", arguments.Select(a => ($"<{a.Name}>", a.Description ?? string.Empty)));
        Section(text, "Options", options.Select(o => (OptionName(o), Described(o))));
        Section(text, "Commandes", subcommands.Select(c => (c.Name + string.Concat(c.Arguments.Select(a => $" <{a.Name}>")), c.Description ?? string.Empty)));
        return text.ToString();
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }

    // "-f, --format <html|json|sarif|text>": the aliases, shortest first, then the accepted values or the value's name.
    private static string OptionName(Option option)
    {
        // The Windows forms of the help option (/?, /h) work but are not shown, as System.CommandLine does.
        var names = string.Join(", ", option.Aliases.Append(option.Name).Where(n => n[0] != '/').Distinct(StringComparer.Ordinal)
            .OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal));
        if (option.ValueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0)
        {
            return names;
        }

        var choices = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        var value = option.HelpName ?? (choices.Count > 0 ? string.Join('|', choices) : option.Name.TrimStart('-'));
        return $"{names} <{value}>";
    }

    private static string Described(Option option)
    {
        var description = option.Description ?? string.Empty;
        if (option.HasDefaultValue && option.ValueType != typeof(bool) && option.GetDefaultValue() is { } value && value.ToString() is { Length: > 0 } shown)
        {
            description += $" [par défaut : {shown}]";
        }

        return description;
    }

    // The words of a description; French quotes stay with the word they enclose, never alone at a line's end or start.
    private static List<string> Words(string description)
    {
        var words = new List<string>();
        var glue = false;
        foreach (var word in description.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if ((glue || word is "»" or ":" or ";" or "?" or "!") && words.Count > 0)
            {
                words[^1] += " " + word;
            }
            else
            {
                words.Add(word);
            }

            glue = word == "«";
        }

        return words;
    }

    // One section: each entry's name in a column, its description wrapped beside it.
    private static void Section(StringBuilder text, string title, IEnumerable<(string Name, string Description)> entries)
    {
        var list = entries.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(title).Append(" :\n");
        var column = Math.Min(list.Max(e => e.Name.Length), 36) + 4;
        const int width = 110;
        foreach (var (name, description) in list)
        {
            var line = new StringBuilder("  ").Append(name);
            var indent = column;
            if (line.Length + 2 > column)
            {
                text.Append(line).Append('\n');
                line.Clear();
            }

            line.Append(' ', Math.Max(0, column - line.Length));
            foreach (var word in Words(description))
            {
                if (line.Length + word.Length + 1 > width && line.Length > indent)
                {
                    text.Append(line.ToString().TrimEnd()).Append('\n');
                    line.Clear().Append(' ', indent);
                }

                line.Append(word).Append(' ');
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }
}
