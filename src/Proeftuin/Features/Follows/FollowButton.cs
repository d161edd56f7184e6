using Microsoft.AspNetCore.Mvc;

namespace Proeftuin.Features.Follows;

/// <summary>
/// The Volgen button on a project, initiative or item page: one small form, so it works without script. Shows nothing
/// for someone signed out or who may not read the thing.
/// </summary>
public sealed class FollowButtonViewComponent(FollowThing follow) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(FollowTopic topic, int id)
    {
        var state = await follow.StateAsync(topic, id, HttpContext.RequestAborted);
        if (state is not var (thing, following)) return Content("");
        var back = HttpContext.Request.Path + HttpContext.Request.QueryString;
        return View("/Features/Follows/_FollowButton.cshtml", new FollowButtonView(thing, following, back));
    }
}

public sealed record FollowButtonView(Followed Thing, bool Following, string Back);
