import type { FieldValues, UseFormRegister } from "react-hook-form";
import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { LAND_STATUSES, LAND_STATUS_LABELS } from "~/models/labels";

type FieldFor = (name: string) => {
  name: string;
  register: UseFormRegister<FieldValues>;
  error?: string;
  defaultValue?: string;
  autoFocus?: boolean;
};

/** The company-owned fields, shared by the create and edit forms. */
export function ProjectDetailsFields({ field }: { field: FieldFor }) {
  return (
    <>
      <TextField
        {...field("county")}
        label="County"
        hint="For a project in several counties: Esmeralda and Nye."
        required
      />
      <div className="two-columns">
        <TextField {...field("latitude")} label="Latitude" hint="Decimal degrees, e.g. 41.71" inputMode="decimal" />
        <TextField {...field("longitude")} label="Longitude" hint="Decimal degrees, e.g. -118.06" inputMode="decimal" />
      </div>
      <TextField {...field("commodities")} label="Minerals" hint="Separated by commas, e.g. lithium, boron" required />
      <SelectField
        {...field("landStatus")}
        label="Land status"
        required
        options={[
          { value: "", label: "Choose…" },
          ...LAND_STATUSES.map((s) => ({ value: s, label: LAND_STATUS_LABELS[s] })),
        ]}
      />
      <TextAreaField
        {...field("description")}
        label="Description"
        hint="What is proposed, where, and at what scale. Shown publicly."
        required
        rows={5}
      />
      <TextField {...field("website")} type="url" label="Website" />
    </>
  );
}
