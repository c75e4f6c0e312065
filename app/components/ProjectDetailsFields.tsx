import type { FieldValues, UseFormRegister } from "react-hook-form";
import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { LAND_STATUSES, LAND_STATUS_LABELS } from "~/schemas/project";

type FieldFor = (name: string) => {
  name: string;
  register: UseFormRegister<FieldValues>;
  error?: string;
  defaultValue?: string;
};

/** The company-owned fields, shared by the create and edit forms. */
export function ProjectDetailsFields({ field, focus }: { field: FieldFor; focus?: string }) {
  return (
    <>
      <TextField
        {...field("county")}
        label="County"
        hint="For a project in several counties: Esmeralda and Nye."
        required
        autoFocus={focus === "county"}
      />
      <div className="two-columns">
        <TextField
          {...field("latitude")}
          label="Latitude"
          hint="Decimal degrees, e.g. 41.71"
          inputMode="decimal"
          autoFocus={focus === "latitude"}
        />
        <TextField
          {...field("longitude")}
          label="Longitude"
          hint="Decimal degrees, e.g. -118.06"
          inputMode="decimal"
          autoFocus={focus === "longitude"}
        />
      </div>
      <TextField
        {...field("commodities")}
        label="Minerals"
        hint="Separated by commas, e.g. lithium, boron"
        required
        autoFocus={focus === "commodities"}
      />
      <SelectField
        {...field("landStatus")}
        label="Land status"
        required
        options={[
          { value: "", label: "Choose…" },
          ...LAND_STATUSES.map((s) => ({ value: s, label: LAND_STATUS_LABELS[s] })),
        ]}
        autoFocus={focus === "landStatus"}
      />
      <TextAreaField
        {...field("description")}
        label="Description"
        hint="What is proposed, where, and at what scale. Shown publicly."
        required
        rows={5}
        autoFocus={focus === "description"}
      />
      <TextField {...field("website")} type="url" label="Website" autoFocus={focus === "website"} />
    </>
  );
}

export const PROJECT_DETAIL_FIELDS = [
  "county",
  "latitude",
  "longitude",
  "commodities",
  "landStatus",
  "description",
  "website",
];
