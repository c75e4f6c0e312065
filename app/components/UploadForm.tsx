// A file upload that works as a plain multipart form without JavaScript and, with it, shows
// progress (fetch cannot report upload progress, XMLHttpRequest can).
import { Form, useNavigate } from "@remix-run/react";
import { useState, type FormEvent, type ReactNode } from "react";

export function UploadForm({
  action,
  children,
  submitLabel,
  label,
}: {
  action: string;
  children: ReactNode;
  submitLabel: string;
  label: string;
}) {
  const navigate = useNavigate();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      setProgress(null);
      let body: { redirectTo?: string; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML error page; reported below.
      }
      if (xhr.status < 300 && body.redirectTo) {
        form.reset();
        navigate(body.redirectTo);
      } else {
        setError(body.error ?? `The upload failed (HTTP ${xhr.status}). Nothing was kept; please try again.`);
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("The upload was interrupted. Check your connection and try again; nothing was kept.");
    };
    setError(null);
    setProgress(0);
    xhr.send(new FormData(form));
  }

  return (
    <Form
      method="post"
      action={action}
      encType="multipart/form-data"
      onSubmit={onSubmit}
      aria-label={label}
      reloadDocument
    >
      {error ? (
        <div role="alert" className="form-error">
          {error}
        </div>
      ) : null}
      {children}
      <button type="submit" disabled={progress !== null}>
        {progress === null ? submitLabel : "Uploading…"}
      </button>
      {progress !== null ? (
        <p role="status">
          <label>
            Upload progress{" "}
            <progress max={1} value={progress}>
              {Math.round(progress * 100)}%
            </progress>{" "}
            {Math.round(progress * 100)}%
          </label>
        </p>
      ) : null}
    </Form>
  );
}
