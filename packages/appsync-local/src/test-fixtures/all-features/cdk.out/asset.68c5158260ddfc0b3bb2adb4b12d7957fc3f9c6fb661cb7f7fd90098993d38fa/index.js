// The Lambda data source of the posts API (CommonJS, `index.handler`): the
// number of words in the text AppSync's Invoke request carries.
exports.handler = async (event) => ({ words: event.text.split(/\s+/).filter(Boolean).length, by: process.env.COUNTED_BY });
