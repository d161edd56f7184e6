using Microsoft.AspNetCore.Identity;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

public sealed record SetPasswordInput(string? Current, string? New);

/// <summary>
/// Sets or changes the password of the signed-in person. With a password already set, the current one
/// is asked first; without one (someone who always signs in by link) a new one is simply set.
/// </summary>
public sealed class SetPassword(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    public async Task<Outcome<AppUser>> RunAsync(string userId, SetPasswordInput input)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Outcome<AppUser>.NotFound();
        var v = new Validation();
        var hasPassword = await users.HasPasswordAsync(user);
        if (hasPassword && string.IsNullOrEmpty(input.Current))
            v.Add("Current", "Vul je huidige wachtwoord in.");
        var password = input.New ?? "";
        if (password.Length < AccountLimits.PasswordMin)
            v.Add("New", "Kies een wachtwoord van minstens {0} tekens.", AccountLimits.PasswordMin);
        else if (password.Length > AccountLimits.PasswordMax)
            v.Add("New", "Het wachtwoord is te lang: maximaal {0} tekens.", AccountLimits.PasswordMax);
        if (!v.IsValid) return v;

        var result = hasPassword
            ? await users.ChangePasswordAsync(user, input.Current!, password)
            : await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == "PasswordMismatch")
                ? Outcome<AppUser>.Invalid("Current", "Je huidige wachtwoord klopt niet.")
                : Outcome<AppUser>.Invalid("New", "Dit wachtwoord kan niet: kies een langer of minder voor de hand liggend wachtwoord.");
        }
        // The security stamp changed: keep this session, end the others.
        await signIn.RefreshSignInAsync(user);
        return Outcome<AppUser>.Ok(user);
    }
}
