using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Proeftuin.Web;

/// <summary>
/// The framework's cookie for flash messages (TempData), minus one habit: the layout reads TempData on every page, and
/// an empty TempData that was read makes the cookie provider send a "delete this cookie" header even when the request
/// never had the cookie. That header made every page personal (no shared cache may keep a response that sets a cookie).
/// Here an empty TempData is written only when there is a cookie to clear.
/// </summary>
public sealed class QuietTempDataProvider(ITempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    private readonly string cookieName = options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;

    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Chunked cookies keep their first part under the same name, so this covers them too.
        if ((values is null || values.Count == 0) && !context.Request.Cookies.ContainsKey(cookieName))
            return;
        inner.SaveTempData(context, values!);
    }

    public static void Register(IServiceCollection services) =>
        services.AddSingleton<ITempDataProvider>(sp => new QuietTempDataProvider(
            ActivatorUtilities.CreateInstance<CookieTempDataProvider>(sp), sp.GetRequiredService<IOptions<CookieTempDataProviderOptions>>()));
}
