/** The vendor scripts and styles pages load, all served by the app itself (see vendorAssets in app.ts). */
export const VIS_TIMELINE_SCRIPTS = ['/vendor/moment/moment.min.js', '/vendor/vis-data/vis-data.min.js', '/vendor/vis-timeline/js/vis-timeline-graph2d.min.js'];
export const VIS_TIMELINE_STYLES = ['/vendor/vis-timeline/css/vis-timeline-graph2d.min.css'];
