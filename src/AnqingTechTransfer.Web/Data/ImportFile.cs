namespace AnqingTechTransfer.Web.Data;

/// <summary>The uploaded file of an import (Domain.Imports.ImportJob) until its job has run; deleted when it ends.</summary>
public class ImportFile
{
    public Guid Id { get; set; }
    public byte[] Bytes { get; set; } = [];
}
