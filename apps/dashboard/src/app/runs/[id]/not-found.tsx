import Link from "next/link";
import { Notice } from "../../../components/notice.js";

export default function RunNotFound() {
  return (
    <Notice title="No such run" tone="warn">
      <p>
        There is no run by this name in the runs directory. <Link href="/runs">See all runs</Link>.
      </p>
    </Notice>
  );
}
