using System.CommandLine;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;
using Cnaemo.NoteLsp.Server.Io;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary><c>notelsp check [options] PATH...</c>: checks files, folders or standard input and prints a report.</summary>
public static class CheckCommand
{
    /// <summary>Builds the command; the writers are parameters so that tests can capture them.</summary>
    /// <param name="stdin">Standard input, for « - ».</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where the messages and the progress line go.</param>
    /// <param name="progressByDefault">
    /// True when standard error is a terminal and the report goes to a file or a pipe: the progress line is shown then.
    /// A report written to the terminal shows its own progress, and a line rewritten between its lines would garble it.
    /// </param>
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr, bool progressByDefault = false)
    {
        var paths = new Argument<string[]>("chemins")
        {
            Description = "Fichiers .txt, .md, .docx (Word) ou .odt (LibreOffice), dossiers (parcourus récursivement), ou « - » pour l'entrée standard.",
            Arity = ArgumentArity.OneOrMore,
        };

        // An unknown option would otherwise be taken for a file name and reported as a file not found.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                result.AddError($"option non reconnue : « {token.Value} » (un fichier dont le nom commence par un tiret s'écrit « ./{token.Value} »).");
            }
        });
        var format = new Option<string>("--format", "-f")
        {
            Description = "Format de sortie : text, json, sarif, ou html (rapport d'audit autonome pour un responsable ou un DPO).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "html");
        var showExcerpts = new Option<bool>("--show-excerpts")
        {
            Description = "Rapport html : montrer les mots signalés dans les extraits. Sans cette option, ils sont masqués (« ••• »), car le rapport peut aller à des personnes qui n'ont pas à lire les dossiers.",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Sévérité à partir de laquelle le code de sortie vaut 1 : error, warning, information, hint ou none.",
            DefaultValueFactory = _ => "warning",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "information", "hint", "none");
        var disable = new Option<string[]>("--disable")
        {
            HelpName = "règle",
            Description = "Règle (identifiant ou préfixe) ou catégorie à désactiver ; répétable, ou liste séparée par des virgules.",
        };
        var severity = new Option<string[]>("--severity")
        {
            HelpName = "RÈGLE=NIVEAU",
            Description = "Sévérité d'une règle, d'un préfixe ou d'une catégorie, sous la forme RÈGLE=NIVEAU (error, warning, information ou hint) ; répétable.",
        };
        var config = new Option<string?>("--config")
        {
            HelpName = "fichier",
            Description = "Fichier de réglages à appliquer à tous les documents, au format de .notelsp.json. Sans cette option, chaque document suit le .notelsp.json de son dossier ou du plus proche dossier parent.",
        };
        var noConfig = new Option<bool>("--no-config")
        {
            Description = "Ne lire aucun fichier .notelsp.json : toutes les règles, sauf celles désactivées sur la ligne de commande.",
        };
        var everyRule = new Option<bool>("--every-rule")
        {
            Description = "Un signalement par règle, sans regrouper ceux qui désignent le même fait (pour un audit des règles). Par défaut, les règles d'une même catégorie qui relèvent le même fait donnent un seul signalement.",
        };
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Nommer sur la sortie d'erreur chaque fichier des dossiers qui n'est pas relu, avec la raison.",
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "Ajouter au rapport texte, pour chaque règle la première fois qu'elle signale, pourquoi le passage est à revoir, le conseil et les références (texte de loi, lien officiel).",
        };
        var progress = new Option<bool>("--progress")
        {
            Description = "Afficher l'avancement sur la sortie d'erreur (fichiers, Mo, Mo/s, temps restant) même quand elle n'est pas un terminal. Il s'affiche de lui-même quand la sortie d'erreur est un terminal et que le rapport va dans un fichier.",
        };
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "Ni avancement, ni ligne « réglages lus dans … » : seulement le rapport, les erreurs et le bilan des fichiers non relus. L'emporte sur --progress.",
        };
        var extraRules = new Option<string[]>("--rules")
        {
            HelpName = "pack.yaml",
            Description = "Pack de règles YAML supplémentaire ; répétable.",
        };
        var inputFormat = new Option<string>("--input-format")
        {
            Description = "Lecture des documents : auto (selon l'extension), markdown ou text.",
            DefaultValueFactory = _ => "auto",
        };
        inputFormat.AcceptOnlyFromAmong("auto", "markdown", "text");

        var command = new Command("check", "Relit des documents et signale les passages à revoir.")
        {
            paths, format, showExcerpts, failOn, disable, severity, config, noConfig, everyRule, verbose, explain, progress, quiet, extraRules, inputFormat,
        };
        command.SetAction(parse => Run(new CheckRequest(
            parse.GetValue(paths) ?? [],
            parse.GetValue(format) ?? "text",
            parse.GetValue(failOn) ?? "warning",
            parse.GetValue(disable) ?? [],
            parse.GetValue(extraRules) ?? [],
            parse.GetValue(inputFormat) ?? "auto")
        {
            Severity = parse.GetValue(severity) ?? [],
            ConfigFile = parse.GetValue(config),
            NoConfig = parse.GetValue(noConfig),
            EveryRule = parse.GetValue(everyRule),
            Verbose = parse.GetValue(verbose),
            Explain = parse.GetValue(explain),
            ShowExcerpts = parse.GetValue(showExcerpts),
            Quiet = parse.GetValue(quiet),
            Progress = !parse.GetValue(quiet) && (parse.GetValue(progress) || progressByDefault),
        }, stdin, stdout, stderr));
        return command;
    }

    /// <summary>The parsed options of one run.</summary>
    public sealed record CheckRequest(
        IReadOnlyList<string> Paths, string Format, string FailOn, IReadOnlyList<string> Disable,
        IReadOnlyList<string> ExtraRules, string InputFormat)
    {
        /// <summary>The <c>--severity RULE=LEVEL</c> entries, in order.</summary>
        public IReadOnlyList<string> Severity { get; init; } = [];

        /// <summary>The <c>--config</c> file, or null to use each document's <c>.notelsp.json</c>.</summary>
        public string? ConfigFile { get; init; }

        /// <summary>True with <c>--no-config</c>: no <c>.notelsp.json</c> is read.</summary>
        public bool NoConfig { get; init; }

        /// <summary>True with <c>--every-rule</c>: every rule's finding on its own, not one finding per fact.</summary>
        public bool EveryRule { get; init; }

        /// <summary>True with <c>--verbose</c>: each file a folder walk leaves out is named.</summary>
        public bool Verbose { get; init; }

        /// <summary>True with <c>--explain</c>: the text report says why, once per rule.</summary>
        public bool Explain { get; init; }

        /// <summary>True with <c>--show-excerpts</c>: the html report shows the flagged words.</summary>
        public bool ShowExcerpts { get; init; }

        /// <summary>True to draw the progress line on standard error.</summary>
        public bool Progress { get; init; }

        /// <summary>True with <c>--quiet</c>: no progress and no line per configuration file read.</summary>
        public bool Quiet { get; init; }
    }

    /// <summary>Runs a check and returns the exit code.</summary>
    public static int Run(CheckRequest request, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        // The progress line needs the totals before the first file is read. Every other message then goes through it, so
        // that it is wiped before an error is written.
        ProgressLine? progress = null;
        if (request.Progress)
        {
            var (files, bytes) = InputReader.Census(request.Paths);
            progress = new ProgressLine(stderr, files, bytes);
            stderr = progress.Messages;
        }

        // Custom packs are read first, on this thread, so that a broken one is reported before anything else. The
        // catalog is then built on the other cores while this thread lists and reads the first documents.
        List<RulePack>? extraPacks;
        try
        {
            extraPacks = request.ExtraRules.Count == 0 ? null : LoadPacks(request.ExtraRules);
        }
        catch (RulePackException e)
        {
            stderr.WriteLine($"notelsp : pack de règles invalide : {e.Message}");
            return ExitCodes.UsageOrInputError;
        }

        var loading = Task.Run(() => new RuleEngine(RuleCatalog.LoadBuiltInConcurrently(extraPacks)));
        DocumentFormat? forced = request.InputFormat switch
        {
            "markdown" => DocumentFormat.Markdown,
            "text" => DocumentFormat.PlainText,
            _ => null,
        };

        // A folder's files that are not read are said out loud: named with --verbose, counted by kind otherwise, so
        // that an archive of .doc or .pdf files never looks clean.
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Skip(string path, string reason)
        {
            var kind = Path.GetExtension(path).ToLowerInvariant() is { Length: > 0 } extension ? extension : "sans extension";
            skipped[kind] = skipped.GetValueOrDefault(kind) + 1;
            if (request.Verbose)
            {
                stderr.WriteLine($"notelsp : non relu : {path} : {reason}");
            }
        }

        using var inputs = InputReader.Read(request.Paths, stdin, forced, Skip).GetEnumerator();
        var readAhead = new List<InputDocument>();
        while (!loading.IsCompleted && readAhead.Count < Environment.ProcessorCount * 2 && inputs.MoveNext())
        {
            readAhead.Add(inputs.Current);
        }

        RuleEngine engine;
        try
        {
            engine = loading.GetAwaiter().GetResult();
        }
        catch (RulePackException e)
        {
            stderr.WriteLine($"notelsp : pack de règles invalide : {e.Message}");
            return ExitCodes.UsageOrInputError;
        }

        if (request.ConfigFile is not null && request.NoConfig)
        {
            stderr.WriteLine("notelsp : --config et --no-config s'excluent.");
            return ExitCodes.UsageOrInputError;
        }

        var configuration = CheckConfiguration.Create(engine.Catalog, request.Disable, request.Severity, request.ConfigFile, request.NoConfig, stderr, request.EveryRule, request.Quiet);
        if (configuration is null)
        {
            return ExitCodes.UsageOrInputError;
        }

        if (request.ShowExcerpts && request.Format != "html")
        {
            stderr.WriteLine("notelsp : --show-excerpts ne concerne que le rapport html (--format html) : ignoré.");
        }

        var threshold = request.FailOn != "none" && Severities.TryParse(request.FailOn, out var parsed) ? parsed : (Severity?)null;
        var failed = new List<InputDocument>();
        var reachesThreshold = false;

        // Documents are linted on every core and written as they come, in input order; the writers read this sequence
        // once. Inputs that could not be read are reported on stderr here and listed at the end of the JSON report.
        IEnumerable<CheckedDocument> Checked()
        {
            foreach (var document in OrderedLinter.Lint(engine, AllInputs(), configuration.For, Environment.ProcessorCount))
            {
                progress?.Advance(document.Input.Size);
                if (document.Input.Text is null)
                {
                    stderr.WriteLine($"notelsp : {document.Input.Path} : {document.Input.Error}");
                    failed.Add(document.Input);
                    continue;
                }

                reachesThreshold |= threshold is { } level && document.Findings.Any(f => f.Severity.IsAtLeast(level));
                yield return document;
            }
        }

        IEnumerable<InputDocument> AllInputs()
        {
            foreach (var input in readAhead)
            {
                yield return input;
            }

            readAhead.Clear();
            while (inputs.MoveNext())
            {
                yield return inputs.Current;
            }
        }

        switch (request.Format)
        {
            case "json":
                ReportWriters.WriteJson(stdout, Checked(), failed);
                break;
            case "sarif":
                // SARIF lists the rules that fired before the results: the findings are gathered first.
                SarifWriter.Write(stdout, [.. Checked()], failed);
                break;
            case "html":
                HtmlReport.Write(stdout, Checked(), failed, request.ShowExcerpts, DateTimeOffset.UtcNow);
                break;
            default:
                ReportWriters.WriteText(stdout, Checked(), failed, request.Explain);
                break;
        }

        progress?.Finish();
        if (skipped.Count > 0)
        {
            var total = skipped.Values.Sum();
            stderr.WriteLine($"notelsp : {total} fichier(s) des dossiers non relu(s) ({string.Join(", ", skipped.Select(k => $"{k.Key} : {k.Value}"))})"
                + (request.Verbose ? "." : " ; --verbose les nomme."));
        }

        if (failed.Count > 0 || configuration.HadError)
        {
            return ExitCodes.UsageOrInputError;
        }

        return reachesThreshold ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static List<RulePack> LoadPacks(IEnumerable<string> paths) =>
        [.. paths.Select(path =>
        {
            try
            {
                return RulePackLoader.Load(path, GuardedFile.ReadAllText(path, GuardedFileKind.Pack));
            }
            catch (GuardedFileException e)
            {
                throw new RulePackException($"{path}: {e.Message}", e);
            }
            catch (FileNotFoundException e)
            {
                throw new RulePackException($"{path}: fichier introuvable", e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new RulePackException($"{path}: lecture refusée (droits d'accès)", e);
            }
            catch (IOException e)
            {
                throw new RulePackException($"{path}: lecture impossible ({e.GetType().Name})", e);
            }
        })];
}
