using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListOrderCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_list_order",
                table: "tech_contracts");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_list_order",
                table: "tech_contracts",
                columns: new[] { "signed_on", "id" },
                descending: new bool[0])
                .Annotation("Npgsql:IndexInclude", new[] { "status", "registration_point_id", "filer_organization_id", "seller_organization_id", "buyer_organization_id", "broker_organization_id", "seller_region_code", "buyer_region_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_list_order",
                table: "tech_contracts");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_list_order",
                table: "tech_contracts",
                columns: new[] { "signed_on", "id" },
                descending: new bool[0]);
        }
    }
}
