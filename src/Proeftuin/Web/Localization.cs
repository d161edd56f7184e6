using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Proeftuin.Web;

public static class Localization
{
    public static readonly CultureInfo[] Cultures = [new("nl"), new("en")];

    public static WebApplicationBuilder AddDutchFirstLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("nl");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Dutch unless someone chose English (switch or account): residents' browsers are often set to English by default.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static string CultureCookieValue(string culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));

    /// <summary>The language choice is kept a year, and is Secure over HTTPS like the other cookies.</summary>
    public static CookieOptions CultureCookieOptions(HttpRequest request) =>
        new() { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = request.IsHttps };

    public static bool IsSupported(string? culture) => culture is "nl" or "en";

    /// <summary>Dutch (localizable) messages instead of ASP.NET's English model-binding defaults.</summary>
    public static void UseDutchBindingMessages(DefaultModelBindingMessageProvider p, IStringLocalizer l)
    {
        p.SetValueIsInvalidAccessor(v => l["De waarde '{0}' is niet geldig.", v]);
        p.SetAttemptedValueIsInvalidAccessor((v, f) => l["De waarde '{0}' is niet geldig.", v]);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["De waarde '{0}' is niet geldig.", v]);
        p.SetUnknownValueIsInvalidAccessor(f => l["Deze waarde is niet geldig."]);
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Deze waarde is niet geldig."]);
        p.SetValueMustNotBeNullAccessor(v => l["Vul dit veld in."]);
        p.SetMissingBindRequiredValueAccessor(f => l["Vul dit veld in."]);
        p.SetMissingKeyOrValueAccessor(() => l["Vul dit veld in."]);
        p.SetMissingRequestBodyRequiredValueAccessor(() => l["Vul dit veld in."]);
        p.SetValueMustBeANumberAccessor(f => l["Vul een getal in."]);
        p.SetNonPropertyValueMustBeANumberAccessor(() => l["Vul een getal in."]);
    }
}
