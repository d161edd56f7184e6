using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

public sealed record RegisterAccountInput(string? DisplayName, string? Email, string? Password, Perspective Perspective);

public sealed class RegisterAccount(UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<Outcome<AppUser>> RunAsync(RegisterAccountInput input)
    {
        var v = new Validation();
        var name = v.Text("DisplayName", input.DisplayName, AccountLimits.DisplayName, label: "jouw naam");
        var email = AccountRules.Email(v, "Email", input.Email);
        var password = input.Password ?? "";
        if (password.Length < AccountLimits.PasswordMin)
            v.Add("Password", "Kies een wachtwoord van minstens {0} tekens.", AccountLimits.PasswordMin);
        else if (password.Length > 200)
            v.Add("Password", "Het wachtwoord is te lang: maximaal {0} tekens.", 200);
        v.Enum("Perspective", input.Perspective, "Kies een kennisbron.");
        if (!v.IsValid) return v;

        if (await users.FindByEmailAsync(email) is not null)
            return Outcome<AppUser>.Invalid("Email", "Er is al een account met dit e-mailadres. Log in, of vraag een inloglink aan.");

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = name,
            DefaultPerspective = input.Perspective,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded
            ? Outcome<AppUser>.Ok(user)
            : Outcome<AppUser>.Invalid("Password", "Dit wachtwoord kan niet: kies een langer of minder voor de hand liggend wachtwoord.");
    }
}

public static class AccountRules
{
    /// <summary>A plain e-mail check; the real proof is that the sign-in link arrives.</summary>
    public static string Email(Validation v, string field, string? value)
    {
        var email = v.Text(field, value, AccountLimits.Email, label: "jouw e-mailadres");
        if (email.Length > 0 && email.Length <= AccountLimits.Email && !IsEmail(email))
            v.Add(field, "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
        return email.ToLowerInvariant();
    }

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
