using Microsoft.AspNetCore.Identity;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

/// <summary>
/// Makes a platform admin: from configuration (Admin:Email + Admin:Password) at start, or by the command
/// <c>dotnet run --project src/Proeftuin -- make-admin someone@example.nl</c> for an existing account.
/// </summary>
public static class AdminCommand
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "make-admin") return false;
        if (args.Length < 2)
        {
            Console.Error.WriteLine("Gebruik: make-admin <e-mailadres>");
            Environment.ExitCode = 2;
            return true;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(args[1].Trim().ToLowerInvariant());
        if (user is null || !user.EmailConfirmed)
        {
            // An unconfirmed account may have been registered by someone else: it never becomes admin.
            Console.Error.WriteLine($"Geen bevestigd account met e-mailadres {args[1]}. Maak eerst een account aan en bevestig het via de e-mail.");
            Environment.ExitCode = 1;
            return true;
        }
        await GrantAsync(scope.ServiceProvider, user);
        Console.WriteLine($"{user.Email} is nu beheerder.");
        return true;
    }

    public static async Task EnsureAdminFromConfigurationAsync(this WebApplication app)
    {
        var email = app.Configuration["Admin:Email"];
        var password = app.Configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email.Trim().ToLowerInvariant());
        if (user is null)
        {
            var created = await scope.ServiceProvider.GetRequiredService<RegisterAccount>().CreateConfirmedAsync(
                new RegisterAccountInput(app.Configuration["Admin:DisplayName"] ?? "Beheerder", email, password, Members.Perspective.Professional));
            if (!created.IsOk)
                throw new InvalidOperationException("Admin:Email is set, but the admin account could not be created: " + string.Join("; ", created.Errors.Select(e => e.Message)));
            user = created.Value!;
        }
        else if (!user.EmailConfirmed)
        {
            // Someone registered this address without proving it: the operator's configuration wins.
            user.EmailConfirmed = true;
            user.PasswordHash = string.IsNullOrEmpty(password) ? null : users.PasswordHasher.HashPassword(user, password);
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await users.UpdateAsync(user);
        }
        await GrantAsync(scope.ServiceProvider, user);
    }

    private static async Task GrantAsync(IServiceProvider services, AppUser user)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Caller.AdminRole))
            await roles.CreateAsync(new IdentityRole(Caller.AdminRole));
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (!await users.IsInRoleAsync(user, Caller.AdminRole))
            await users.AddToRoleAsync(user, Caller.AdminRole);
    }
}
