// Projects as the public record gives them out (API, open data). The fictional training project is
// out unless asked for; no person is named, only organizations.
import { parseProjectQuery, type ProjectQuery } from "~/schemas/project-search";
import { prisma } from "~/services/db.server";
import { searchProjectsAfter, type ProjectKeysetItem } from "../project-search.server";
import { REVIEW_TRACKS, stageLabel, stagePosition } from "../workflow";
import { paged } from "./page.server";
import { apiPath, publicUrl } from "./urls.server";

export type TrainingChoice = { includeTraining: boolean };

function summaryLinks(slug: string) {
  return { self: publicUrl(apiPath(`/projects/${slug}`)), html: publicUrl(`/projects/${slug}`) };
}

function summary(item: ProjectKeysetItem) {
  const { stagePosition: _position, createdAt: _created, location: _location, ...rest } = item;
  return { ...rest, links: summaryLinks(item.slug) };
}

/** One page of projects matching the /projects filters, in slug order. */
export async function listPublicProjects(
  query: ProjectQuery,
  today: Date,
  page: { afterSlug: string | null; limit: number } & TrainingChoice,
) {
  const rows = await searchProjectsAfter(query, today, page);
  const { items, nextKey } = paged(rows, page.limit, (row) => row.slug);
  return { items: items.map(summary), nextKey };
}

/** Every matching project with a location, for GeoJSON; read in pages of 1,000 by keyset. */
export async function mappedPublicProjects(query: ProjectQuery, today: Date, choice: TrainingChoice) {
  const all: ProjectKeysetItem[] = [];
  let afterSlug: string | null = null;
  for (;;) {
    const rows = await searchProjectsAfter(query, today, { ...choice, afterSlug, limit: 1000 });
    const { items, nextKey } = paged(rows, 1000, (row) => row.slug);
    all.push(...items.filter((item) => item.location !== null));
    if (nextKey === null) return all;
    afterSlug = nextKey;
  }
}

/**
 * The public facts of one project, or null when there is none at this slug, or it is the training
 * project and it was not asked for.
 */
export async function findPublicProject(slug: string, today: Date, choice: TrainingChoice) {
  const [item] = await searchProjectsAfter(ALL_PROJECTS, today, {
    afterSlug: null,
    limit: 1,
    includeTraining: choice.includeTraining,
    onlySlug: slug,
  });
  if (!item) return null;
  const details = await prisma.project.findUniqueOrThrow({
    where: { slug },
    select: {
      description: true,
      website: true,
      landStatus: true,
      federalCategory: true,
      cooperatingAgencies: {
        select: { agency: { select: { name: true, slug: true } } },
        orderBy: { agency: { name: "asc" } },
      },
    },
  });
  const base = apiPath(`/projects/${slug}`);
  const link = (path: string) => publicUrl(`${base}${path}`);
  return {
    ...summary(item),
    description: details.description,
    website: details.website,
    landStatus: details.landStatus,
    federalCategory: details.federalCategory,
    location: item.location,
    stagePosition: item.stagePosition,
    cooperatingAgencies: details.cooperatingAgencies.map(({ agency }) => agency),
    createdAt: item.createdAt,
    links: {
      ...summaryLinks(slug),
      stages: link("/stages"),
      milestones: link("/milestones"),
      dateChanges: link("/date-changes"),
      pauses: link("/pauses"),
      stageTransitions: link("/stage-transitions"),
      commentPeriods: link("/comment-periods"),
      documents: link("/documents"),
      informationRequests: link("/information-requests"),
      reviewClock: link("/review-clock"),
    },
  };
}

/** No filters: the query a plain /projects shows. */
const ALL_PROJECTS: ProjectQuery = parseProjectQuery(new URLSearchParams());

/** What every project-scoped endpoint needs first: the project, if the public may see it here. */
export async function findPublicProjectRef(slug: string, choice: TrainingChoice) {
  const project = await prisma.project.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, reviewTrack: true, currentStage: true, status: true, isTraining: true },
  });
  if (!project || (project.isTraining && !choice.includeTraining)) return null;
  return project;
}

export type PublicProjectRef = NonNullable<Awaited<ReturnType<typeof findPublicProjectRef>>>;

/** The project's review track, its stages in order and where the project stands. */
export function projectStages(project: PublicProjectRef) {
  const track = REVIEW_TRACKS[project.reviewTrack];
  const current = stagePosition(project.reviewTrack, project.currentStage).index;
  return {
    reviewTrack: project.reviewTrack,
    reviewTrackLabel: track.label,
    status: project.status,
    currentStage: project.currentStage,
    stages: track.stages.map((stage, i) => ({
      key: stage.key,
      label: stageLabel(project.reviewTrack, stage.key),
      position: i + 1,
      state: i + 1 < current ? ("past" as const) : i + 1 === current ? ("current" as const) : ("future" as const),
    })),
  };
}
