using System.Text;

namespace Cnaemo.NoteLsp.Bench;

/// <summary>
/// Writes English case notes of any size for the side-by-side runs of harper.js and alex, which read English only.
/// Like the French generator, most sentences are clean and about one in six carries something the tools flag
/// (a spelling or grammar slip for Harper, an insensitive word for alex).
/// </summary>
public static class EnglishReportGenerator
{
    private static readonly string[] Names = ["Theo", "Lea", "Ines", "Noah", "Chloe", "Ryan", "Emma", "Lucas"];

    private static readonly string[] Headings =
        ["Family composition", "Progress of the measure", "Schooling", "Health", "Family relations", "Living conditions", "Analysis"];

    private static readonly string[] Clean =
    [
        "On {date}, {child} threw a chair towards a youth worker after being refused an outing; he apologised the next day.",
        "The mother cancelled the last two appointments without letting the service know.",
        "According to the head teacher, {child} missed nine half-days of school in January.",
        "The child said: \"I do not want to go home this weekend.\"",
        "The father said he was looking for a job in logistics and showed two job offers.",
        "The visit on {date} went calmly; {child} played with the mother for an hour.",
        "The family has been supported by the service since March 2023.",
        "{child} attends the local boxing club twice a week.",
        "An appointment is set for 7 June at 10:30 with the key worker.",
        "The parents signed the individual care document on {date}.",
        "{child} shares a bedroom with a brother; the flat has three rooms.",
        "We ask the judge to renew the measure for one year.",
        "The home was clean and tidy during the visit on {date}.",
        "The grandparents look after the child during the school holidays, with both parents' agreement.",
    ];

    private static readonly string[] Problems =
    [
        "The father is crazy and the neighbours say he is a lunatic.",
        "Their is alot of tension in the the family since the summer.",
        "The mother is always late, she dont care about the appointments.",
        "{child} is a troublemaker and his friends are lame.",
        "The grandmother is wheelchair bound and her son is a addict.",
    ];

    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "September", "October"];

    /// <summary>Case notes of at least <paramref name="minimumLength"/> characters.</summary>
    public static string Generate(int minimumLength, int seed = 20261128)
    {
        var random = new Random(seed);
        var text = new StringBuilder(minimumLength + 2048);
        var number = 0;
        while (text.Length < minimumLength)
        {
            var child = Names[random.Next(Names.Length)];
            text.Append("# Situation report ").Append(++number).Append(" - ").Append(child).Append("\n\n");
            foreach (var heading in Headings)
            {
                if (text.Length >= minimumLength)
                {
                    break;
                }

                text.Append("## ").Append(heading).Append("\n\n");
                for (var p = random.Next(2, 6); p > 0; p--)
                {
                    for (var s = random.Next(2, 7); s > 0; s--)
                    {
                        var pool = random.Next(6) == 0 ? Problems : Clean;
                        var sentence = pool[random.Next(pool.Length)].Replace("{child}", child, StringComparison.Ordinal)
                            .Replace("{date}", $"{random.Next(1, 29)} {Months[random.Next(Months.Length)]}", StringComparison.Ordinal);
                        text.Append(sentence).Append(s > 1 ? " " : "\n\n");
                    }
                }
            }
        }

        return text.ToString();
    }
}
