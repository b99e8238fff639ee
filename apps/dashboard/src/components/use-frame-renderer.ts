"use client";
// Re-renders the calling component at most once per animation frame, and only after `markDirty()`:
// stores mutated by a message stream (many messages per frame) are then drawn once per frame.
import { useCallback, useEffect, useRef, useState } from "react";

export function useFrameRenderer(): () => void {
  const dirty = useRef(false);
  const [, setFrame] = useState(0);
  useEffect(() => {
    let animationFrame = 0;
    const render = () => {
      if (dirty.current) {
        dirty.current = false;
        setFrame((count) => count + 1);
      }
      animationFrame = requestAnimationFrame(render);
    };
    animationFrame = requestAnimationFrame(render);
    return () => cancelAnimationFrame(animationFrame);
  }, []);
  return useCallback(() => {
    dirty.current = true;
  }, []);
}
