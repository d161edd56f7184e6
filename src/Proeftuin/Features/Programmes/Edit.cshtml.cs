using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Programmes;

/// <summary>Admins create a programme (no id) or edit one, with its partners.</summary>
[Authorize(Policy = Caller.AdminRole)]
public sealed class EditModel(GetProgrammeOverview query, SaveProgramme save, ManagePartners partners, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public PartnerModel Partner { get; set; } = new();
    public ProgrammeOverview? Programme { get; private set; }

    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? Introduction { get; set; }
    }

    public sealed class PartnerModel
    {
        public string? Name { get; set; }
        public string? Url { get; set; }
        public IFormFile? Logo { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is null) return Page();
        if (!await LoadAsync(id.Value)) return NotFound();
        Input = new InputModel { Title = Programme!.Title, Introduction = Programme.Introduction };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        ModelState.Clear();
        if (id is not null && !await LoadAsync(id.Value)) return NotFound();
        var outcome = await save.RunAsync(id, new ProgrammeInput(Input.Title, Input.Introduction), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het programma is opgeslagen.");
        return Redirect($"/programmas/{outcome.Value!.Id}");
    }

    public async Task<IActionResult> OnPostAddPartnerAsync(int id)
    {
        ModelState.Clear();
        if (!await LoadAsync(id)) return NotFound();
        Input = new InputModel { Title = Programme!.Title, Introduction = Programme.Introduction };
        var outcome = await partners.AddAsync(id, new PartnerInput(Partner.Name, Partner.Url, Partner.Logo), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "Partner");
        this.Flash("De partner is toegevoegd.");
        return Redirect($"/programmas/{id}/bewerken");
    }

    public async Task<IActionResult> OnPostRemovePartnerAsync(int id, int partnerId)
    {
        var outcome = await partners.RemoveAsync(id, partnerId, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        this.Flash("De partner is verwijderd.");
        return Redirect($"/programmas/{id}/bewerken");
    }

    private async Task<bool> LoadAsync(int id)
    {
        Programme = await query.RunAsync(id, new ProjectFilter(), HttpContext.RequestAborted);
        return Programme is not null;
    }
}
