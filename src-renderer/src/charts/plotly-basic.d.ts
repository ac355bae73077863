// Types for the prebuilt partial plotly bundle (scatter, bar, pie): the API of @types/plotly.js.
declare module 'plotly.js-basic-dist-min' {
  import * as Plotly from 'plotly.js';
  export default Plotly;
}
