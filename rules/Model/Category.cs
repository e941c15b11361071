namespace Cnaemo.NoteLsp.Rules.Model;

/// <summary>The closed list of finding categories. Their kebab-case ids are part of the JSON contract.</summary>
public enum Category
{
    Identifier,
    Health,
    Origin,
    Religion,
    SexualLife,
    Political,
    Union,
    Criminal,
    ThirdParty,
    Insult,
    Judgement,
    Essentialising,
    LayDiagnosis,
    Hearsay,
    Generalisation,
    Typography,
    Placeholder,
}

/// <summary>The two families the product reports on: what the law restricts, and how the person is described.</summary>
public enum RuleFamily
{
    Privacy,
    Dignity,
}

/// <summary>Conversions between <see cref="Category"/> values and their stable string ids.</summary>
public static class Categories
{
    private static readonly string[] Ids =
    [
        "identifier", "health", "origin", "religion", "sexual-life", "political", "union", "criminal", "third-party",
        "insult", "judgement", "essentialising", "lay-diagnosis", "hearsay", "generalisation", "typography", "placeholder",
    ];

    /// <summary>Every category, in declaration order.</summary>
    public static IReadOnlyList<Category> All { get; } = Enum.GetValues<Category>();

    /// <summary>The stable id used in reports and settings, such as <c>sexual-life</c>.</summary>
    public static string ToId(this Category category) => Ids[(int)category];

    /// <summary>Parses a stable id; returns false for anything outside the closed list.</summary>
    public static bool TryParse(string? id, out Category category)
    {
        var index = Array.IndexOf(Ids, id);
        category = index >= 0 ? (Category)index : default;
        return index >= 0;
    }

    /// <summary>The family a category belongs to: the first nine concern privacy, the rest dignity.</summary>
    public static RuleFamily Family(this Category category) =>
        category <= Category.ThirdParty ? RuleFamily.Privacy : RuleFamily.Dignity;

    /// <summary>The French name shown to users, in the status bar and summaries.</summary>
    public static string FrenchLabel(this Category category) => category switch
    {
        Category.Identifier => "identifiant",
        Category.Health => "santé",
        Category.Origin => "origine",
        Category.Religion => "religion",
        Category.SexualLife => "vie sexuelle",
        Category.Political => "opinions politiques",
        Category.Union => "appartenance syndicale",
        Category.Criminal => "infractions et condamnations",
        Category.ThirdParty => "tiers",
        Category.Insult => "insulte",
        Category.Judgement => "jugement de valeur",
        Category.Essentialising => "étiquette",
        Category.LayDiagnosis => "diagnostic profane",
        Category.Hearsay => "ouï-dire",
        Category.Generalisation => "généralisation",
        Category.Typography => "typographie",
        Category.Placeholder => "champ à compléter",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>The French title of a grouped finding of this category, followed in its message by the words found.</summary>
    public static string GroupTitle(this Category category) => category switch
    {
        Category.Identifier => "Identifiants",
        Category.Health => "Données de santé",
        Category.Origin => "Origine",
        Category.Religion => "Convictions religieuses",
        Category.SexualLife => "Vie sexuelle",
        Category.Political => "Opinions politiques",
        Category.Union => "Appartenance syndicale",
        Category.Criminal => "Données pénales",
        Category.ThirdParty => "Informations sur un tiers",
        Category.Insult => "Insultes",
        Category.Judgement => "Jugements de valeur",
        Category.Essentialising => "Étiquettes",
        Category.LayDiagnosis => "Diagnostics profanes",
        Category.Hearsay => "Ouï-dire",
        Category.Generalisation => "Généralisations",
        Category.Typography => "Typographie",
        Category.Placeholder => "Champs à compléter",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
