using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Thread;

/// <summary>
/// Everything the app needs to know about one kind of thread item, in one place (ADR 0017): the Dutch words (localizer
/// keys), the stable URL word (<c>?soort=</c>) and API name, the links it takes part in, how it counts in the knowledge
/// balance, whether it is made on the thread page (and with which form), and where its page is. Pages, use cases, the
/// API and the balance read this instead of switching on <see cref="ItemKind"/>. A kind that lives in its own folder
/// (like <c>Story</c>) keeps its descriptor there and registers it through <see cref="ThreadKinds.Register"/>.
/// </summary>
/// <param name="Kind">The stored discriminator (Items.Kind).</param>
/// <param name="EntityType">The class stored with that discriminator; a subclass of <see cref="ThreadItem"/>.</param>
/// <param name="Label">Singular, a localizer key ("Inzicht").</param>
/// <param name="Plural">A localizer key ("Inzichten").</param>
/// <param name="UrlWord">The Dutch word in page addresses (<c>?soort=inzicht</c>); never changes once published.</param>
/// <param name="ApiSlug">The English name in the API ("Insight"); never changes once published.</param>
/// <param name="Balance">Counted in the knowledge balance, in which row and under which kennisbron; or explicitly not.</param>
/// <param name="Links">Which links it may be the From or the To end of, and with which kinds never.</param>
public sealed record ThreadKind(
    ItemKind Kind, Type EntityType, string Label, string Plural, string UrlWord, string ApiSlug, BalanceRule Balance, LinkRule Links)
{
    /// <summary>
    /// The design-thinking phase the kind belongs to (stories: Inleven, proeven: Testen): where the project dashboard
    /// shows it. Null only by mistake; ThreadKindTests and the dashboard's tests ask every kind for one.
    /// </summary>
    public Phase? Phase { get; init; }

    /// <summary>How the thread page makes one; null when it is made elsewhere (stories are told on their own pages).</summary>
    public ThreadForm? Form { get; init; }

    /// <summary>The thread's own item pages (<c>/draad/{id}</c>).</summary>
    public static readonly string ThreadPages = "/draad";

    /// <summary>Where its pages live: <see cref="ThreadPages"/> for the plain kinds; a kind with its own folder has its own.</summary>
    public string PagePath { get; init; } = ThreadPages;

    /// <summary>Its items are shown on their own pages (stories: /verhalen/{id}), not on the thread's.</summary>
    public bool HasOwnPages => PagePath != ThreadPages;

    /// <summary>Made, edited and listed on the thread page (Inzichten, behoeften en vragen).</summary>
    public bool Creatable => Form is not null;

    public string PageUrl(int id) => $"{PagePath}/{id}";
}

/// <summary>The thread page's form for a kind: the button text, how to make an empty item, and the title field's words.</summary>
/// <param name="NewLabel">The button and page title ("Nieuw inzicht"), a localizer key.</param>
/// <param name="New">An empty item of the kind's class.</param>
public sealed record ThreadForm(string NewLabel, Func<ThreadItem> New)
{
    public string TitleLabel { get; init; } = "Titel";
    public string? TitleHint { get; init; }

    /// <summary>A partial with the kind's own fields (bound to ItemForm), shown after the title; null when there are none.</summary>
    public string? FieldsPartial { get; init; }
}

/// <summary>How items of a kind count in the knowledge balance of a phase (Projects/KnowledgeBalance.cs).</summary>
public sealed record BalanceRule
{
    private BalanceRule(BalanceRow? row, Perspective? fixedSource, string? whyNot)
    {
        Row = row;
        FixedSource = fixedSource;
        WhyNot = whyNot;
    }

    /// <summary>The row it is counted in; null when it does not count.</summary>
    public BalanceRow? Row { get; }

    /// <summary>Null: under the item's own kennisbron (ThreadItem.KnowledgeSource). Otherwise always under this one.</summary>
    public Perspective? FixedSource { get; }

    /// <summary>Why a kind does not count: it has to be said, so leaving a kind out is a choice, not an accident.</summary>
    public string? WhyNot { get; }

    public bool Counts => Row is not null;

    /// <summary>Counted in <paramref name="row"/>, under each item's own kennisbron.</summary>
    public static BalanceRule In(BalanceRow row) => new(row, null, null);

    /// <summary>Counted in <paramref name="row"/>, always under <paramref name="source"/>.</summary>
    public static BalanceRule In(BalanceRow row, Perspective source) => new(row, source, null);

    public static BalanceRule NotCounted(string why) =>
        string.IsNullOrWhiteSpace(why) ? throw new ArgumentException("Say why the kind does not count.", nameof(why)) : new(null, null, why);

    public Perspective SourceOf(Perspective own) => FixedSource ?? own;
}

/// <summary>
/// The links a kind takes part in: the link types it may be the From end of and the To end of, and the kinds it is never
/// linked with (with the message the person sees). Checked on both ends by <see cref="ThreadKinds.LinkProblem"/>.
/// </summary>
public sealed record LinkRule(IReadOnlyList<LinkType> AsFrom, IReadOnlyList<LinkType> AsTo, IReadOnlyList<ItemKind> NeverWith, string? NeverMessage)
{
    /// <summary>Every link type at either end, with every kind.</summary>
    public static LinkRule Any { get; } = new(Enum.GetValues<LinkType>(), Enum.GetValues<LinkType>(), [], null);
}
