using Timmy.Core.Refusals;

namespace Timmy.Core.Swarm.Personas;

public sealed class PersonaNotFoundException(string personaId) : NotFoundException(
    "No such persona", $"There is no persona {personaId}; the personas are {string.Join(", ", PersonaCatalog.All.Select(p => p.Id))}.");
