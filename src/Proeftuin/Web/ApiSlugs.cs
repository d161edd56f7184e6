namespace Proeftuin.Web;

/// <summary>
/// The fixed English names one enum has in the API (and in exports): a contract, so written out literally and never
/// derived from a Dutch label or a C# member name. Rewording a label or renaming a member leaves the API as it is.
/// Read case-insensitively; older names a client may still send can be accepted on input (see <see cref="Accepting"/>),
/// but answers always carry the slug. A value without a slug throws: the table is incomplete, which a test catches.
/// </summary>
public sealed class ApiSlugs<TEnum> where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> slugs;
    private readonly Dictionary<string, TEnum> read;

    public ApiSlugs(IReadOnlyDictionary<TEnum, string> slugs) : this(slugs, new Dictionary<string, TEnum>())
    {
    }

    private ApiSlugs(IReadOnlyDictionary<TEnum, string> slugs, IReadOnlyDictionary<string, TEnum> older)
    {
        this.slugs = new Dictionary<TEnum, string>(slugs);
        read = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, slug) in slugs)
        {
            if (!read.TryAdd(slug, value))
                throw new ArgumentException($"The API slug '{slug}' is given to two values of {typeof(TEnum).Name}.", nameof(slugs));
        }
        foreach (var (slug, value) in older)
        {
            if (!read.TryAdd(slug, value))
                throw new ArgumentException($"The older API name '{slug}' of {typeof(TEnum).Name} is also a current slug.", nameof(older));
        }
        Older = older;
    }

    /// <summary>The same table that also reads older names on input (answers keep sending the slugs).</summary>
    public ApiSlugs<TEnum> Accepting(IReadOnlyDictionary<string, TEnum> older) => new(slugs, older);

    /// <summary>Names read on input only, kept for a release so existing clients do not break.</summary>
    public IReadOnlyDictionary<string, TEnum> Older { get; }

    /// <summary>Every value with its slug, in the order of the table.</summary>
    public IReadOnlyDictionary<TEnum, string> All => slugs;

    public string this[TEnum value] => Of(value);

    public string Of(TEnum value) => slugs.TryGetValue(value, out var slug)
        ? slug
        : throw new InvalidOperationException($"{typeof(TEnum).Name}.{value} has no API slug: add it to its table.");

    /// <summary>The value of a slug (or an older name), any case; null for anything else, numbers included.</summary>
    public TEnum? Parse(string? slug) => read.TryGetValue((slug ?? "").Trim(), out var value) ? value : null;

    /// <summary>The slugs for a message such as "Kies uit: …".</summary>
    public string List => string.Join(", ", slugs.Values);
}
