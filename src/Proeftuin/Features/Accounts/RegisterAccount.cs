using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

public sealed record RegisterAccountInput(string? DisplayName, string? Email, string? Password, Perspective Perspective);

/// <summary>
/// Makes an account and mails a link that confirms the address; only after that does the password work.
/// An address that already has an account gets a sign-in link instead, and the same answer is shown,
/// so the form does not tell strangers who has an account.
/// </summary>
public sealed class RegisterAccount(UserManager<AppUser> users, RequestSignInLink links, TimeProvider clock)
{
    public async Task<Outcome<bool>> RunAsync(RegisterAccountInput input, string baseUrl, string? returnUrl, CancellationToken ct = default)
    {
        var checkedInput = Check(input);
        if (!checkedInput.IsOk) return Outcome<bool>.Invalid(checkedInput.Errors);
        var (name, email, password) = checkedInput.Value;

        var existing = await users.FindByEmailAsync(email);
        // Hash in every branch: the answer takes as long whether or not the address is known.
        var passwordHash = users.PasswordHasher.HashPassword(existing ?? new AppUser(), password);
        // A blocked account gets no mail; the answer is the same as ever.
        if (existing is { IsBlocked: true }) return Outcome<bool>.Ok(true);
        if (existing is { EmailConfirmed: true })
        {
            await links.SendAsync(existing, baseUrl, LinkPurpose.SignIn, returnUrl, ct);
            return Outcome<bool>.Ok(true);
        }
        if (existing is not null)
        {
            // Registered before but never confirmed (the first link expired, say): a new confirmation
            // link that sets the password chosen now.
            await links.SendAsync(existing, baseUrl, LinkPurpose.ConfirmAddress, returnUrl, ct, passwordHash);
            return Outcome<bool>.Ok(true);
        }
        var created = await CreateAsync(name, email, password, input.Perspective, confirmed: false);
        if (!created.IsOk) return Outcome<bool>.Invalid(created.Errors);
        await links.SendAsync(created.Value!, baseUrl, LinkPurpose.ConfirmAddress, returnUrl, ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>For an admin named in configuration: the operator vouches for the address.</summary>
    public async Task<Outcome<AppUser>> CreateConfirmedAsync(RegisterAccountInput input)
    {
        var checkedInput = Check(input);
        if (!checkedInput.IsOk) return Outcome<AppUser>.Invalid(checkedInput.Errors);
        var (name, email, password) = checkedInput.Value;
        if (await users.FindByEmailAsync(email) is not null)
            return Outcome<AppUser>.Invalid("Email", "Er is al een account met dit e-mailadres.");
        return await CreateAsync(name, email, password, input.Perspective, confirmed: true);
    }

    private static Outcome<(string Name, string Email, string Password)> Check(RegisterAccountInput input)
    {
        var v = new Validation();
        var name = v.Text("DisplayName", input.DisplayName, AccountLimits.DisplayName, label: "jouw naam");
        var email = AccountRules.Email(v, "Email", input.Email);
        var password = input.Password ?? "";
        if (password.Length < AccountLimits.PasswordMin)
            v.Add("Password", "Kies een wachtwoord van minstens {0} tekens.", AccountLimits.PasswordMin);
        else if (password.Length > AccountLimits.PasswordMax)
            v.Add("Password", "Het wachtwoord is te lang: maximaal {0} tekens.", AccountLimits.PasswordMax);
        v.Enum("Perspective", input.Perspective, "Kies een kennisbron.");
        return v.IsValid ? Outcome<(string, string, string)>.Ok((name, email, password)) : v;
    }

    private async Task<Outcome<AppUser>> CreateAsync(string name, string email, string password, Perspective perspective, bool confirmed)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = confirmed,
            DisplayName = name,
            DefaultPerspective = perspective,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) return Outcome<AppUser>.Ok(user);
        // Two registrations for one address at the same moment: the second meets the unique index.
        return result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
            ? Outcome<AppUser>.Invalid("Email", "Er is al een account met dit e-mailadres.")
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
