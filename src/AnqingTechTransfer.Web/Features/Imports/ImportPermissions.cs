using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Imports;

/// <summary>
/// 后台导入 (issue 25 §3): who may start an import is the importing module's (ContractPermissions, EnterprisePermissions:
/// the bureau); an import's page and progress are its uploader's, and the bureau's system administrator may open any.
/// Anyone else gets the answer of an import that does not exist.
/// </summary>
public sealed class ImportPermissions(ICurrentActor actor) : IModulePermissions
{
    public bool Reads(Guid uploadedById) => (actor.UserId != Guid.Empty && actor.UserId == uploadedById) || actor.IsSystemAdmin;
}
