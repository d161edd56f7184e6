using System.Globalization;
using System.Resources;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Proeftuin.Web;

/// <summary>
/// Lets each feature keep its English texts in its own <c>Texts.en.resx</c>, while pages and use cases keep
/// asking <c>IStringLocalizer&lt;SharedResource&gt;</c>: the shared resource is asked first, then each
/// module's. Keys are the Dutch texts, so a Dutch request needs no lookup at all.
/// </summary>
public static class ModularTexts
{
    public static void Register(IServiceCollection services, IEnumerable<string> baseNames)
    {
        services.TryAddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton(new ModuleTextNames([.. baseNames]));
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, ModularStringLocalizerFactory>());
    }
}

public sealed record ModuleTextNames(IReadOnlyList<string> BaseNames);

public sealed class ModularStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner, ModuleTextNames names, ILoggerFactory loggers) : IStringLocalizerFactory
{
    private readonly Lazy<IStringLocalizer> shared = new(() =>
    {
        var assembly = typeof(SharedResource).Assembly;
        var cache = new ResourceNamesCache();
        var logger = loggers.CreateLogger<ResourceManagerStringLocalizer>();
        IStringLocalizer[] parts =
        [
            inner.Create(typeof(SharedResource)),
            .. names.BaseNames.Select(n => new ResourceManagerStringLocalizer(new ResourceManager(n, assembly), assembly, n, cache, logger)),
        ];
        return new CompositeLocalizer(parts);
    });

    public IStringLocalizer Create(Type resourceSource) =>
        resourceSource == typeof(SharedResource) ? shared.Value : inner.Create(resourceSource);

    public IStringLocalizer Create(string baseName, string location) => inner.Create(baseName, location);
}

/// <summary>The first part that knows a key answers; Dutch (the keys' own language) answers without asking.</summary>
public sealed class CompositeLocalizer(IReadOnlyList<IStringLocalizer> parts) : IStringLocalizer
{
    private static bool IsDutch => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "nl";

    public LocalizedString this[string name] => Find(name) ?? new LocalizedString(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = Find(name);
            var format = found?.Value ?? name;
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format, arguments), resourceNotFound: found is null);
        }
    }

    private LocalizedString? Find(string name)
    {
        if (IsDutch) return null;
        foreach (var part in parts)
        {
            var s = part[name];
            if (!s.ResourceNotFound) return s;
        }
        return null;
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        parts.SelectMany(p => p.GetAllStrings(includeParentCultures)).DistinctBy(s => s.Name);
}
