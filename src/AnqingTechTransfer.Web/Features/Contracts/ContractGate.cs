using AnqingTechTransfer.Domain.Contracts;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>
/// The controller's answer to "may the current user do this to this contract" (ContractPermissions through
/// IAuthorizationService), handed to a handler that loads the record before it can be asked.
/// </summary>
public delegate Task<bool> ContractGate(TechContract contract, OperationAuthorizationRequirement operation);
