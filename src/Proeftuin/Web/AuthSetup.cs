using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Features.Accounts;

namespace Proeftuin.Web;

public static class AuthSetup
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // A password works only once the address is proven by a mailed link (see RegisterAccount).
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = AccountLimits.PasswordMin;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                // No Identity lockout: it would let a stranger lock the owner out and, by its different answer,
                // tell that an address has an account. PasswordThrottle pauses password sign-in instead.
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/inloggen";
            o.LogoutPath = "/uitloggen";
            o.Cookie.Name = "proeftuin.auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            // The API answers with status codes, not with a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx.HttpContext, StatusCodes.Status401Unauthorized, () => ctx.Response.Redirect(ctx.RedirectUri));
            // Signed in but not allowed: a plain 403 with the Dutch error page, no redirect.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // The security-stamp check (below) asks the database. While the database cannot be reached the sign-in is
            // kept as it is, unchecked and not renewed, so the request goes on to the Dutch "probeer het zo nog eens"
            // page instead of failing before it (and again inside the error page: an empty 500). Nothing can be read
            // or changed without the database, and the check runs again on the next request once it is back.
            var check = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                try
                {
                    await check(ctx);
                }
                catch (Exception e) when (DatabaseOutage.IsUnavailable(e))
                {
                    ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthSetup))
                        .LogWarning("The sign-in could not be checked: the database is unavailable");
                }
            };
        });
        // A blocked account's cookies (and those of other sessions after a password or address change) stop
        // working within this interval: the cookie's security stamp is checked against the database.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddScoped<PasswordThrottle>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Caller.AdminRole, p => p.RequireRole(Caller.AdminRole));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Caller>();
        builder.Services.AddScoped<ProjectAccess>();
        return builder;
    }

    private static Task ApiOr(HttpContext ctx, int status, Action redirect)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
            ctx.Response.StatusCode = status;
        else
            redirect();
        return Task.CompletedTask;
    }
}

/// <summary>Puts the display name in the cookie so the layout needs no database call.</summary>
internal sealed class DisplayNameClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("display_name", user.DisplayName));
        return identity;
    }
}
