namespace Proeftuin.Web;

/// <summary>
/// A feature folder's one setup class: its services, its endpoints and hubs, its texts and its links on
/// the project page. Its EF model lives in its own <c>IEntityTypeConfiguration</c> classes, which
/// <c>AppDbContext</c> picks up from the assembly. Program.cs lists the modules; adding a feature touches
/// no other shared file.
/// </summary>
public abstract class FeatureModule
{
    /// <summary>Use cases and other services of the feature.</summary>
    public virtual void AddServices(WebApplicationBuilder builder) { }

    /// <summary>API endpoints and hubs (pages are found by Razor Pages under /Features).</summary>
    public virtual void Map(WebApplication app) { }

    /// <summary>Links in the project's workspace ("Werkruimte"), shown to whom <see cref="WorkspaceLink.Visible"/> allows.</summary>
    public virtual IEnumerable<WorkspaceLink> WorkspaceLinks => [];

    /// <summary>
    /// The base name of the feature's own English texts (<c>Texts.en.resx</c> beside its pages), or null
    /// when all its texts are shared. Keys are the Dutch texts, as in the shared resource.
    /// </summary>
    public virtual string? Texts => null;

    /// <summary>Helper for <see cref="Texts"/>: the resource beside this module's class.</summary>
    protected string TextsBeside() => $"{GetType().Namespace}.Texts";
}

/// <summary>A link on the project page. Order decides the place; Visible filters by the caller's permissions.</summary>
public sealed record WorkspaceLink(string Text, Func<int, string> Url, int Order, Func<ProjectPermissions, bool> Visible);

/// <summary>Every module's workspace links, in order; the project page renders what the caller may see.</summary>
public sealed class Workspace(IEnumerable<WorkspaceLink> links)
{
    private readonly WorkspaceLink[] ordered = [.. links.OrderBy(l => l.Order)];

    public IReadOnlyList<WorkspaceLink> For(ProjectPermissions permissions) => [.. ordered.Where(l => l.Visible(permissions))];
}

public static class FeatureModules
{
    /// <summary>Adds every module's services, texts and workspace links. Modules are kept for <see cref="MapFeatures"/>.</summary>
    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder, params FeatureModule[] modules)
    {
        var services = builder.Services;
        foreach (var module in modules) module.AddServices(builder);
        services.AddSingleton(new Workspace(modules.SelectMany(m => m.WorkspaceLinks)));
        services.AddSingleton(new InstalledModules(modules));
        ModularTexts.Register(services, modules.Select(m => m.Texts).OfType<string>());
        return builder;
    }

    public static WebApplication MapFeatures(this WebApplication app)
    {
        foreach (var module in app.Services.GetRequiredService<InstalledModules>().Modules) module.Map(app);
        return app;
    }
}

/// <summary>The modules Program.cs listed, in that order.</summary>
public sealed record InstalledModules(IReadOnlyList<FeatureModule> Modules);
