using System.Text;

namespace Cnaemo.NoteLsp.Rules.Tests.Performance;

/// <summary>
/// Writes realistic French child-protection reports (AEMO « rapport de situation ») of any size, for the 15 MB
/// correctness test and for the benchmarks, which link this file. Most sentences are clean; about one in six
/// carries a problem the packs know (identifier, health, label, exclamations), as in a real first draft.
/// The output depends only on the seed, so every run measures the same text.
/// </summary>
public static class FrenchReportGenerator
{
    private static readonly string[] FirstNames =
        ["Théo", "Léa", "Inès", "Noah", "Chloé", "Rayan", "Manon", "Lucas", "Jade", "Élise", "Maël", "Zoé"];

    private static readonly string[] Adults = ["Mme P.", "M. R.", "la mère", "le père", "Mme B.", "M. D.", "la grand-mère", "le beau-père"];

    private static readonly string[] Headings =
    [
        "Composition familiale", "Déroulement de la mesure", "Situation scolaire", "Santé et suivi médical",
        "Relations familiales", "Conditions de vie", "Évolution depuis la dernière audience", "Analyse et propositions",
    ];

    private static readonly string[] CleanSentences =
    [
        "Le {date}, {child} a lancé une chaise en direction d'un éducateur après le refus de sortie ; il s'est excusé le lendemain.",
        "{Adult} a annulé les deux derniers rendez-vous, le {date} et le {date}, sans prévenir le service.",
        "Selon le principal du collège, {child} a été absent·e neuf demi-journées en janvier.",
        "L'enfant a dit : « Je ne veux pas rentrer ce week-end. »",
        "{Adult} a indiqué chercher un emploi dans la logistique et a présenté deux promesses d'embauche.",
        "La visite du {date} s'est déroulée dans le calme ; {child} a joué avec sa mère pendant une heure.",
        "{child} est arrivé au foyer à 19 h avec son sac de sport.",
        "La famille est accompagnée par le service depuis mars 2023, dans le cadre d'une mesure d'AEMO.",
        "{child} est inscrit·e au club de boxe du quartier et s'y rend deux fois par semaine.",
        "{Adult} est présent·e à chaque audience et apporte les documents demandés.",
        "Un rendez-vous est fixé au 07 juin à 10 h 30 avec l'éducatrice référente.",
        "{child} a rédigé une lettre pour le juge des enfants, qu'il a souhaité lire lui-même.",
        "Le père travaille à l'hôpital comme agent d'entretien, en horaires décalés.",
        "L'éducatrice a accompagné {child} chez le médecin pour son certificat de sport.",
        "Les parents ont signé le document individuel de prise en charge le {date}.",
        "{child} dort dans une chambre partagée avec son frère ; le logement compte trois pièces.",
        "Nous sollicitons le renouvellement de la mesure pour une durée d'un an.",
        "{child} a exprimé de la colère lors de l'entretien du {date}, puis a accepté de poursuivre l'échange.",
        "La famille habite au 3e étage sans ascenseur, ce qui complique les sorties de la grand-mère.",
        "Le service a transmis une note au juge des enfants le {date}.",
        "Le numéro de la mesure est le 2023/145 ; il figure sur les convocations.",
        "Une réunion avec l'ASE est programmée le {date} pour préparer l'audience.",
        "{child} a évoqué son souhait de voir son père plus souvent, notamment pendant les vacances.",
        "Le logement était propre et rangé lors de la visite du {date}.",
        "{Adult} est resté·e calme et a posé des questions sur la suite de la mesure.",
        "Selon la mère, l'enfant a fait des cauchemars la semaine dernière ; elle en a parlé à l'école.",
        "{child} est scolarisé·e en CE2 à l'école Jean-Moulin et bénéficie de l'aide aux devoirs.",
        "Les grands-parents accueillent l'enfant pendant les vacances scolaires, avec l'accord des deux parents.",
        "L'adolescente souhaite faire un stage dans une crèche et a écrit une lettre de motivation.",
        "Il a été convenu que {adult} appellerait le service chaque lundi pour faire le point.",
    ];

    private static readonly string[] ProblemSentences =
    [
        "Contacter {adult} au 06 12 34 56 78 en cas d'absence.",
        "Mail de la famille : famille.dupont@exemple.fr, à utiliser pour les convocations.",
        "N° de sécurité sociale : 2 95 10 99 126 111 93.",
        "RIB : FR76 3000 6000 0112 3456 7890 189.",
        "{Adult} est suivi·e pour un cancer depuis 2021 et se fatigue vite.",
        "La grand-mère souffre d'un diabète et d'une maladie d'Alzheimer.",
        "{child} est un délinquant, selon le voisinage.",
        "Refus de soins !!!",
        "Rendez-vous encore annulé ?!",
        "{Adult} se dit épuisé·e ; le frère aîné a une épilepsie.",
    ];

    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>A report of at least <paramref name="minimumLength"/> UTF-16 code units (a little more, to end a paragraph).</summary>
    public static string Generate(int minimumLength, int seed = 20261128)
    {
        var random = new Random(seed);
        var text = new StringBuilder(minimumLength + 2048);
        var report = 0;
        while (text.Length < minimumLength)
        {
            AppendReport(text, random, ++report, minimumLength);
        }

        return text.ToString();
    }

    /// <summary>One report of about <paramref name="length"/> code units, as one file of a folder would hold.</summary>
    public static string GenerateReport(int length, int seed) => Generate(length, seed);

    private static void AppendReport(StringBuilder text, Random random, int number, int limit)
    {
        var child = FirstNames[random.Next(FirstNames.Length)];
        text.Append("# Rapport de situation n° ").Append(number).Append(" — ").Append(child).Append("\n\n");
        text.Append("Mesure d'assistance éducative en milieu ouvert, audience du ").Append(Date(random)).Append(".\n\n");
        foreach (var heading in Headings)
        {
            text.Append("## ").Append(heading).Append("\n\n");
            var paragraphs = random.Next(2, 6);
            for (var p = 0; p < paragraphs; p++)
            {
                if (random.Next(12) == 0)
                {
                    AppendList(text, random, child);
                }
                else
                {
                    AppendParagraph(text, random, child);
                }

                if (text.Length >= limit)
                {
                    return;
                }
            }
        }
    }

    private static void AppendParagraph(StringBuilder text, Random random, string child)
    {
        var sentences = random.Next(2, 7);
        for (var s = 0; s < sentences; s++)
        {
            if (s > 0)
            {
                text.Append(' ');
            }

            text.Append(Sentence(random, child));
        }

        text.Append("\n\n");
    }

    private static void AppendList(StringBuilder text, Random random, string child)
    {
        var items = random.Next(2, 5);
        for (var i = 0; i < items; i++)
        {
            text.Append("- ").Append(Sentence(random, child)).Append('\n');
        }

        text.Append('\n');
    }

    private static string Sentence(Random random, string child)
    {
        var pool = random.Next(6) == 0 ? ProblemSentences : CleanSentences;
        var template = pool[random.Next(pool.Length)];
        var adult = Adults[random.Next(Adults.Length)];
        var sentence = template
            .Replace("{child}", child, StringComparison.Ordinal)
            .Replace("{adult}", adult, StringComparison.Ordinal)
            .Replace("{Adult}", char.ToUpperInvariant(adult[0]) + adult[1..], StringComparison.Ordinal);
        for (var at = sentence.IndexOf("{date}", StringComparison.Ordinal); at >= 0; at = sentence.IndexOf("{date}", StringComparison.Ordinal))
        {
            sentence = string.Concat(sentence.AsSpan(0, at), Date(random), sentence.AsSpan(at + "{date}".Length));
        }

        return sentence;
    }

    private static string Date(Random random) => $"{random.Next(1, 29)} {Months[random.Next(Months.Length)]}";
}
