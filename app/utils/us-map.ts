// The size of the project map drawing, in SVG user units (pages scale it with the viewBox).
export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;
