using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractFieldIndexCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_technical_field_code_signed_on",
                table: "tech_contracts");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_technical_field_code_signed_on",
                table: "tech_contracts",
                columns: new[] { "technical_field_code", "signed_on" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "registration_point_id", "filer_organization_id", "seller_region_code", "buyer_region_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_technical_field_code_signed_on",
                table: "tech_contracts");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_technical_field_code_signed_on",
                table: "tech_contracts",
                columns: new[] { "technical_field_code", "signed_on" });
        }
    }
}
