using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Thread;

/// <summary>
/// A set of thread kind descriptors. The app has one (<see cref="ThreadKinds"/>); tests make their own to try
/// registration without touching the app's. Registration happens at start-up; reads are lock-free.
/// </summary>
public sealed class ThreadKindRegistry
{
    private sealed record Snapshot(ThreadKind[] All, Dictionary<ItemKind, ThreadKind> ByKind);

    private readonly Lock gate = new();
    private volatile Snapshot current = new([], []);

    public ThreadKindRegistry(params IEnumerable<ThreadKind> kinds)
    {
        foreach (var kind in kinds) Register(kind);
    }

    /// <summary>In order of registration: the order of the thread page and the link picker.</summary>
    public IReadOnlyList<ThreadKind> All => current.All;

    /// <summary>
    /// Adds a kind. Registering the same descriptor again does nothing (a module may be set up more than once, as in
    /// tests); a different descriptor for a kind, URL word or API name already taken throws at start-up.
    /// </summary>
    public void Register(ThreadKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (!kind.EntityType.IsAssignableTo(typeof(ThreadItem)))
            throw new ArgumentException($"{kind.EntityType.Name} is not a ThreadItem.", nameof(kind));
        foreach (var word in new[] { kind.Label, kind.Plural, kind.UrlWord, kind.ApiSlug })
        {
            if (string.IsNullOrWhiteSpace(word)) throw new ArgumentException($"The descriptor of {kind.Kind} misses a word.", nameof(kind));
        }
        lock (gate)
        {
            var now = current;
            if (now.ByKind.TryGetValue(kind.Kind, out var known))
            {
                if (known == kind) return;
                throw new InvalidOperationException($"Item kind {kind.Kind} already has a descriptor ({known.ApiSlug}).");
            }
            if (now.All.FirstOrDefault(k => string.Equals(k.UrlWord, kind.UrlWord, StringComparison.OrdinalIgnoreCase)) is { } sameWord)
                throw new InvalidOperationException($"The URL word '{kind.UrlWord}' is taken by {sameWord.Kind}.");
            if (now.All.FirstOrDefault(k => string.Equals(k.ApiSlug, kind.ApiSlug, StringComparison.OrdinalIgnoreCase)) is { } sameSlug)
                throw new InvalidOperationException($"The API name '{kind.ApiSlug}' is taken by {sameSlug.Kind}.");
            if (now.All.FirstOrDefault(k => k.EntityType == kind.EntityType) is { } sameType)
                throw new InvalidOperationException($"{kind.EntityType.Name} is already stored as {sameType.Kind}.");
            current = new Snapshot([.. now.All, kind], new Dictionary<ItemKind, ThreadKind>(now.ByKind) { [kind.Kind] = kind });
        }
    }

    /// <summary>The descriptor of a kind; a kind nobody registered throws, so it cannot slip through as another.</summary>
    public ThreadKind For(ItemKind kind) => current.ByKind.TryGetValue(kind, out var found)
        ? found
        : throw new UnknownThreadKindException(kind);

    public ThreadKind? FromUrlWord(string? word) =>
        current.All.FirstOrDefault(k => string.Equals(k.UrlWord, word?.Trim(), StringComparison.OrdinalIgnoreCase));

    public ThreadKind? FromApiSlug(string? slug) =>
        current.All.FirstOrDefault(k => string.Equals(k.ApiSlug, slug?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The kinds made and listed on the thread page.</summary>
    public IReadOnlyList<ThreadKind> Creatable => current.All.Where(k => k.Creatable).ToList();

    /// <summary>The balance rows of every counted kind, in table order (comments are added by the balance itself).</summary>
    public IReadOnlyList<BalanceRow> BalanceRows => current.All.Where(k => k.Balance.Counts).Select(k => k.Balance.Row!).Distinct().OrderBy(r => r.Order).ToList();

    /// <summary>
    /// Null when <paramref name="from"/> may be linked to <paramref name="to"/> with <paramref name="type"/>; otherwise the
    /// (Dutch) reason. Both ends have a say.
    /// </summary>
    public string? LinkProblem(ItemKind from, LinkType type, ItemKind to)
    {
        var (f, t) = (For(from), For(to));
        if (f.Links.NeverWith.Contains(to)) return f.Links.NeverMessage ?? NoLink;
        if (t.Links.NeverWith.Contains(from)) return t.Links.NeverMessage ?? NoLink;
        return f.Links.AsFrom.Contains(type) && t.Links.AsTo.Contains(type) ? null : NoLink;
    }

    /// <summary>Whether two kinds can be linked at all, in some direction with some type: what the link picker offers.</summary>
    public bool MayLink(ItemKind a, ItemKind b) =>
        Enum.GetValues<LinkType>().Any(type => LinkProblem(a, type, b) is null || LinkProblem(b, type, a) is null);

    public const string NoLink = "Dit soort verband past niet bij deze twee onderdelen.";
}

/// <summary>An item kind without a descriptor: a programming error (a module forgot to register it), never a user's.</summary>
public sealed class UnknownThreadKindException(ItemKind kind)
    : InvalidOperationException($"Item kind {kind} ({(int)kind}) has no descriptor. Register one with ThreadKinds.Register in the module that adds the kind.")
{
    public ItemKind Kind { get; } = kind;
}

/// <summary>
/// The app's thread kinds. The plain kinds of the thread are described here; a kind with its own folder describes itself
/// there (Stories/StoryKind.cs) and registers at start-up with <see cref="Register"/> from its module, so adding one does
/// not touch this folder beyond its number in <see cref="ItemKind"/>.
/// </summary>
public static class ThreadKinds
{
    public static readonly ThreadKind Insight = new(ItemKind.Insight, typeof(Insight), "Inzicht", "Inzichten", "inzicht", "Insight",
        BalanceRule.In(Projects.BalanceRows.Insights), LinkRule.Any)
    { Form = new("Nieuw inzicht", () => new Insight()), Phase = Phase.Empathize };

    public static readonly ThreadKind Source = new(ItemKind.Source, typeof(Source), "Bron", "Bronnen", "bron", "Source",
        BalanceRule.In(Projects.BalanceRows.Sources), LinkRule.Any)
    { Form = new("Nieuwe bron", () => new Source()) { FieldsPartial = "_SourceFields" }, Phase = Phase.Empathize };

    public static readonly ThreadKind Persona = new(ItemKind.Persona, typeof(Persona), "Persona", "Persona's", "persona", "Persona",
        BalanceRule.In(Projects.BalanceRows.PersonasAndJourneys), LinkRule.Any)
    {
        Form = new("Nieuwe persona", () => new Persona())
        {
            TitleLabel = "Naam van de persona",
            TitleHint = "Een verzonnen naam, bijvoorbeeld „Fatima, 68, woont alleen”.",
            FieldsPartial = "_PersonaFields",
        },
        Phase = Phase.Empathize,
    };

    public static readonly ThreadKind JourneyMap = new(ItemKind.JourneyMap, typeof(JourneyMap), "Klantreis", "Klantreizen", "klantreis", "JourneyMap",
        BalanceRule.In(Projects.BalanceRows.PersonasAndJourneys), LinkRule.Any)
    { Form = new("Nieuwe klantreis", () => new JourneyMap()), Phase = Phase.Empathize };

    public static readonly ThreadKind Need = new(ItemKind.Need, typeof(Need), "Behoefte", "Behoeften", "behoefte", "Need",
        BalanceRule.In(Projects.BalanceRows.Needs), LinkRule.Any)
    { Form = new("Nieuwe behoefte", () => new Need()), Phase = Phase.Define };

    public static readonly ThreadKind Question = new(ItemKind.Question, typeof(Question), "Hoe kunnen we …?-vraag", "Hoe kunnen we …?-vragen", "vraag", "Question",
        BalanceRule.In(Projects.BalanceRows.Questions), LinkRule.Any)
    {
        Form = new("Nieuwe vraag", () => new Question())
        {
            TitleLabel = "Vraag",
            TitleHint = "Begin met „Hoe kunnen we …?”. Zo blijft de vraag open en nodigt ze uit tot ideeën.",
        },
        Phase = Phase.Define,
    };

    /// <summary>Ideas are mostly born in live sessions, but may be entered directly too; their pages are Features/Ideas' (/ideeen/{id}).</summary>
    public static readonly ThreadKind Idea = new(ItemKind.Idea, typeof(Idea), "Idee", "Ideeën", "idee", "Idea",
        BalanceRule.In(Projects.BalanceRows.Ideas), LinkRule.Any)
    { Form = new("Nieuw idee", () => new Idea()), PagePath = "/ideeen", Phase = Phase.Ideate };

    /// <summary>Stories first: the link picker offers them first.</summary>
    public static ThreadKindRegistry Registry { get; } = new(Stories.StoryKind.Descriptor, Insight, Source, Persona, JourneyMap, Need, Question, Idea);

    public static IReadOnlyList<ThreadKind> All => Registry.All;

    public static IReadOnlyList<ThreadKind> Creatable => Registry.Creatable;

    public static ThreadKind For(ItemKind kind) => Registry.For(kind);

    public static ThreadKind? FromUrlWord(string? word) => Registry.FromUrlWord(word);

    public static ThreadKind? FromApiSlug(string? slug) => Registry.FromApiSlug(slug);

    /// <summary>For a module's start-up: adds its kind to the app (see <see cref="ThreadKindRegistry.Register"/>).</summary>
    public static void Register(ThreadKind kind) => Registry.Register(kind);

    public static string? LinkProblem(ItemKind from, LinkType type, ItemKind to) => Registry.LinkProblem(from, type, to);

    public static bool MayLink(ItemKind a, ItemKind b) => Registry.MayLink(a, b);
}
