namespace Proeftuin.Tests.Web.Hostile;

/// <summary>
/// The sweep's explicit exceptions, each with its reason. Keys are "template?handler=Name" for a form (handler empty
/// for OnPost/OnGet), followed by " field" for a field.
/// </summary>
public sealed class SweepRules
{
    /// <summary>Fields found on a form that get no hostile values.</summary>
    public IReadOnlyDictionary<string, string> SkippedFields { get; init; } = new Dictionary<string, string>();

    /// <summary>POST handlers of pages that the crawl cannot reach with a form.</summary>
    public IReadOnlyDictionary<string, string> NotReached { get; init; } = new Dictionary<string, string>();

    /// <summary>Tables a form may add rows to even when it refuses the input.</summary>
    public IReadOnlyDictionary<string, (string[] Tables, string Reason)> GrowWhenRefused { get; init; } = new Dictionary<string, (string[], string)>();

    /// <summary>Hidden values to send instead of the page's (e.g. a throwaway account for a form that erases one).</summary>
    public IReadOnlyDictionary<string, Func<IReadOnlyDictionary<string, string>>> HiddenValues { get; init; } = new Dictionary<string, Func<IReadOnlyDictionary<string, string>>>();

    public static string FormKey(PageRoute target, string handler) => $"{target.Template}?handler={handler}";

    public bool SkipsField(FoundForm form, string field) => SkippedFields.ContainsKey(FormKey(form.Target, form.Handler) + " " + field);

    public IReadOnlySet<string> MayGrowWhenRefused(FoundForm form) =>
        GrowWhenRefused.TryGetValue(FormKey(form.Target, form.Handler), out var allowed) ? allowed.Tables.ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
}
