using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>The fields of the new and edit forms. Text is Markdown; Place is optional (a wijk, a street).</summary>
public sealed record OfferInput(OfferDirection? Direction, OfferCategory? Category, string? Title, string? Text, string? Place)
{
    /// <summary>Checks every field into <paramref name="v"/> and, when all are valid, writes them onto <paramref name="target"/>.</summary>
    internal void Apply(Validation v, Offer target, Markdown markdown)
    {
        if (Direction is not { } direction || !Enum.IsDefined(direction)) v.Add("Direction", "Kies of je iets aanbiedt of iets zoekt.");
        if (Category is not { } category || !Enum.IsDefined(category)) v.Add("Category", "Kies wat het is: tijd, ruimte, vaardigheden of spullen.");
        var title = v.Text("Title", Title, OfferLimits.Title, label: "een korte titel");
        var text = v.Text("Text", Text, OfferLimits.Text, label: "wat je aanbiedt of zoekt");
        var place = v.Text("Place", Place, OfferLimits.Place, required: false, label: "de plek");
        if (!v.IsValid) return;
        target.Direction = Direction!.Value;
        target.Category = Category!.Value;
        target.Title = title;
        target.Text = text;
        target.TextHtml = markdown.ToSafeHtml(text);
        target.Place = place.Length == 0 ? null : place;
    }
}
