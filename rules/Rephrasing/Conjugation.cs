namespace Cnaemo.NoteLsp.Rules.Rephrasing;

/// <summary>The tenses and moods a copula can take in a record.</summary>
public enum Tense
{
    Present,
    Imparfait,
    PasseSimple,
    Futur,
    Conditionnel,
    Subjonctif,
    PasseCompose,
    PlusQueParfait,
    FuturAnterieur,
    ConditionnelPasse,
    Infinitif,
    ParticipePresent,
}

/// <summary>
/// The conjugations the rewrites need: "avoir" and "être" in every simple tense, by person (0 = je … 5 = ils),
/// and the choice of tense for a rewrite. A copula in the present or any simple past becomes a passé composé
/// ("est violent" gives "a eu un comportement violent"): a trait becomes an event.
/// </summary>
public static class Conjugation
{
    private static readonly Dictionary<Tense, string[]> Avoir = new()
    {
        [Tense.Present] = ["ai", "as", "a", "avons", "avez", "ont"],
        [Tense.Imparfait] = ["avais", "avais", "avait", "avions", "aviez", "avaient"],
        [Tense.PasseSimple] = ["eus", "eus", "eut", "eûmes", "eûtes", "eurent"],
        [Tense.Futur] = ["aurai", "auras", "aura", "aurons", "aurez", "auront"],
        [Tense.Conditionnel] = ["aurais", "aurais", "aurait", "aurions", "auriez", "auraient"],
        [Tense.Subjonctif] = ["aie", "aies", "ait", "ayons", "ayez", "aient"],
    };

    private static readonly Dictionary<Tense, string[]> Etre = new()
    {
        [Tense.Present] = ["suis", "es", "est", "sommes", "êtes", "sont"],
        [Tense.Imparfait] = ["étais", "étais", "était", "étions", "étiez", "étaient"],
        [Tense.PasseSimple] = ["fus", "fus", "fut", "fûmes", "fûtes", "furent"],
        [Tense.Futur] = ["serai", "seras", "sera", "serons", "serez", "seront"],
        [Tense.Conditionnel] = ["serais", "serais", "serait", "serions", "seriez", "seraient"],
        [Tense.Subjonctif] = ["sois", "sois", "soit", "soyons", "soyez", "soient"],
    };

    /// <summary>The simple tenses, with the compound tense each one's auxiliary forms.</summary>
    public static IReadOnlyList<(Tense Simple, Tense Compound)> SimpleTenses { get; } =
    [
        (Tense.Present, Tense.PasseCompose),
        (Tense.Imparfait, Tense.PlusQueParfait),
        (Tense.PasseSimple, Tense.PlusQueParfait),
        (Tense.Futur, Tense.FuturAnterieur),
        (Tense.Conditionnel, Tense.ConditionnelPasse),
        (Tense.Subjonctif, Tense.Subjonctif),
    ];

    /// <summary>"avoir" in a simple tense, for person 0 (je) to 5 (ils).</summary>
    public static string AvoirIn(Tense tense, int person) => tense switch
    {
        Tense.Infinitif => "avoir",
        Tense.ParticipePresent => "ayant",
        _ => Avoir[tense][person],
    };

    /// <summary>"être" in a simple tense, for person 0 (je) to 5 (ils).</summary>
    public static string EtreIn(Tense tense, int person) => tense switch
    {
        Tense.Infinitif => "être",
        Tense.ParticipePresent => "étant",
        _ => Etre[tense][person],
    };

    /// <summary>The forms of "avoir" in a simple tense, for building copula tables.</summary>
    public static IReadOnlyList<string> AvoirForms(Tense tense) => Avoir[tense];

    /// <summary>The forms of "être" in a simple tense, for building copula tables.</summary>
    public static IReadOnlyList<string> EtreForms(Tense tense) => Etre[tense];

    /// <summary>
    /// The auxiliary "avoir" a rewrite uses for a copula in <paramref name="tense"/>: present and simple pasts
    /// give a passé composé ("a"), a pluperfect stays one ("avait"), hypotheses stay hypotheses ("aurait").
    /// </summary>
    public static string RewriteAuxiliary(Tense tense, int person) => tense switch
    {
        Tense.Present or Tense.PasseCompose or Tense.Imparfait or Tense.PasseSimple => AvoirIn(Tense.Present, person),
        Tense.PlusQueParfait => AvoirIn(Tense.Imparfait, person),
        Tense.Futur or Tense.FuturAnterieur => AvoirIn(Tense.Futur, person),
        Tense.Conditionnel or Tense.ConditionnelPasse => AvoirIn(Tense.Conditionnel, person),
        Tense.Subjonctif => AvoirIn(Tense.Subjonctif, person),
        Tense.Infinitif => "avoir",
        _ => "ayant",
    };

    /// <summary>"être" in the same tense and person as the original copula, compound tenses included.</summary>
    public static string SameTenseEtre(Tense tense, int person) => tense switch
    {
        Tense.PasseCompose => AvoirIn(Tense.Present, person) + " été",
        Tense.PlusQueParfait => AvoirIn(Tense.Imparfait, person) + " été",
        Tense.FuturAnterieur => AvoirIn(Tense.Futur, person) + " été",
        Tense.ConditionnelPasse => AvoirIn(Tense.Conditionnel, person) + " été",
        _ => EtreIn(tense, person),
    };
}
