namespace Proeftuin.Features.Audit;

/// <summary>What the shared logboek partial needs from the admin page and the project page.</summary>
public interface IAuditLogView
{
    /// <summary>/beheer/logboek or /projecten/{id}/logboek.</summary>
    string Path { get; }
    AuditFilter Filter { get; }
    /// <summary>Null when the filter was refused: the page shows the form and its messages.</summary>
    AuditPage? Result { get; }
    /// <summary>Admins filter by project; a project's page is that project already.</summary>
    bool ShowProjectFilter { get; }
}

public static class AuditLogUrls
{
    /// <summary>The same filter with another page or format, as a link (plain GET, works without JavaScript).</summary>
    public static string Url(this IAuditLogView view, int? page = null, bool csv = false)
    {
        var f = view.Filter;
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) query.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
        }
        Add("actie", f.Action);
        if (view.ShowProjectFilter) Add("project", f.Project);
        Add("persoon", f.Person);
        Add("van", f.From);
        Add("tot", f.To);
        if (page is > 1) query.Add("pagina=" + page);
        if (csv) query.Add("formaat=csv");
        return view.Path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
