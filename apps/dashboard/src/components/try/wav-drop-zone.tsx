"use client";
// Drop a WAV file here, or choose one with the (keyboard-reachable) file picker.
import { type DragEvent, useId, useState } from "react";

export function WavDropZone({
  disabled,
  onFile,
}: {
  disabled: boolean;
  onFile: (file: { name: string; bytes: Uint8Array }) => void;
}) {
  const [active, setActive] = useState(false);
  const inputId = useId();
  const read = async (file: File | undefined) => {
    if (file === undefined || disabled) return;
    onFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  };
  const over = (event: DragEvent) => {
    event.preventDefault();
    setActive(true);
  };
  return (
    <section
      className="drop-zone"
      data-active={active}
      aria-label="WAV file"
      data-testid="wav-drop-zone"
      onDragOver={over}
      onDragEnter={over}
      onDragLeave={() => setActive(false)}
      onDrop={(event) => {
        event.preventDefault();
        setActive(false);
        void read(event.dataTransfer.files[0]);
      }}
    >
      <p>
        <strong>Drop a WAV file here</strong> to hear what the model makes of it.
      </p>
      <label htmlFor={inputId}>Or choose a WAV file: </label>
      <input
        id={inputId}
        type="file"
        accept=".wav,audio/wav,audio/x-wav"
        disabled={disabled}
        onChange={(event) => {
          void read(event.target.files?.[0]);
          event.target.value = "";
        }}
      />
    </section>
  );
}
