// Text someone typed (a commenter's name, a comment), shown so that it cannot disguise itself or
// its surroundings: bidirectional controls are dropped and the text is isolated (see ~/utils/text).
import { stripBidiControls } from "~/utils/text";

export function UserText({ children }: { children: string | null | undefined }) {
  if (!children) return null;
  return <bdi dir="auto">{stripBidiControls(children)}</bdi>;
}
