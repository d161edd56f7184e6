using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>An activity: when and where, toegankelijkheid, places left or the waiting list, sign up or cancel, the calendar file.</summary>
public sealed class DetailsModel(GetActivity get, CancelRegistration cancel, IStringLocalizer<SharedResource> l) : PageModel, IRegisterPage
{
    public static readonly string SignedUpKey = "ActivitySignedUp";

    public ActivityView Activity { get; private set; } = null!;
    public RegisterForm Input { get; set; } = new();
    /// <summary>Right after signing up (a guest has no account to show it by): Registered or WaitingList.</summary>
    public string? JustSignedUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var view = await get.RunAsync(id, HttpContext.RequestAborted);
        if (view is null) return NotFound();
        Activity = view;
        JustSignedUp = TempData[SignedUpKey] as string;
        return Page();
    }

    /// <summary>Who is signed in cancels their own registration here; a guest uses the link in their mail.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int id)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var outcome = await cancel.MineAsync(id, HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.NotFound) return NotFound();
        if (!outcome.IsOk)
        {
            ModelState.AddErrors(outcome.Errors, l, "");
            return await OnGetAsync(id);
        }
        this.Flash("Je bent afgemeld.");
        return Redirect($"/activiteiten/{id}");
    }
}

/// <summary>What the sign-up fields partial needs.</summary>
public interface IRegisterPage
{
    RegisterForm Input { get; }
}

/// <summary>A guest's sign-up fields (bound as Input.*).</summary>
public sealed class RegisterForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
}
