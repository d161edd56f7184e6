using Microsoft.AspNetCore.Identity;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

public sealed record UpdateAccountInput(string? DisplayName, string? Email, Perspective DefaultPerspective, string? Language);

public sealed class UpdateAccount(UserManager<AppUser> users, SignInManager<AppUser> signIn, RequestSignInLink links)
{
    public async Task<Outcome<AppUser>> RunAsync(string userId, UpdateAccountInput input, string baseUrl, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Outcome<AppUser>.NotFound();
        var v = new Validation();
        var name = v.Text("DisplayName", input.DisplayName, AccountLimits.DisplayName, label: "jouw naam");
        var email = AccountRules.Email(v, "Email", input.Email);
        v.Enum("DefaultPerspective", input.DefaultPerspective, "Kies een kennisbron.");
        if (!Localization.IsSupported(input.Language)) v.Add("Language", "Kies Nederlands of English.");
        if (!v.IsValid) return v;

        var emailChanged = !string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase);
        if (emailChanged)
        {
            if (await users.FindByEmailAsync(email) is not null)
                return Outcome<AppUser>.Invalid("Email", "Dit e-mailadres hoort al bij een ander account.");
            user.Email = email;
            user.UserName = email;
            user.EmailConfirmed = false;
        }
        user.DisplayName = name;
        user.DefaultPerspective = input.DefaultPerspective;
        user.Language = input.Language!;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return Outcome<AppUser>.Invalid("Email", "Dit e-mailadres kan niet worden opgeslagen.");
        if (emailChanged)
        {
            // Other sessions end, and the new address must be proven before a password works again.
            await users.UpdateSecurityStampAsync(user);
            await links.SendAsync(user, baseUrl, LinkPurpose.ConfirmAddress, returnUrl: "/account", ct);
        }
        await signIn.RefreshSignInAsync(user);
        return Outcome<AppUser>.Ok(user);
    }
}
